import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { panesFromEnv } from '../../src/panes/panes-env.js';

describe('TOVRUN_PANES', () => {
  it('names a mode, or nothing when unset or empty', () => {
    expect(panesFromEnv({ TOVRUN_PANES: 'tui' })).toBe('tui');
    expect(panesFromEnv({ TOVRUN_PANES: ' prefix ' })).toBe('prefix');
    expect(panesFromEnv({})).toBeUndefined();
    expect(panesFromEnv({ TOVRUN_PANES: '' })).toBeUndefined();
  });

  it('refuses a value that is no mode, naming the ones there are', () => {
    expect(() => panesFromEnv({ TOVRUN_PANES: 'splits' })).toThrow(UsageError);
    expect(() => panesFromEnv({ TOVRUN_PANES: 'splits' })).toThrow(/TOVRUN_PANES=splits is not a panes mode/);
  });
});
