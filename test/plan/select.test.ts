import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { selectServices } from '../../src/plan/select.js';
import type { ServiceSpec } from '../../src/workspace/types.js';

const service = (name: string) => ({ name }) as ServiceSpec;
const all = [service('backend'), service('frontend'), service('worker')];

describe('selectServices', () => {
  it('keeps every service when no flag narrows the run', () => {
    expect(selectServices(all, {}).map((s) => s.name)).toEqual(['backend', 'frontend', 'worker']);
  });

  it('combines --backend, --frontend and --only, keeping workspace order', () => {
    expect(selectServices(all, { frontend: true }).map((s) => s.name)).toEqual(['frontend']);
    expect(selectServices(all, { only: ['worker'], backend: true }).map((s) => s.name)).toEqual(['backend', 'worker']);
  });

  it('names the known services for an unknown one', () => {
    expect(() => selectServices(all, { only: ['db'] })).toThrow(UsageError);
    expect(() => selectServices(all, { only: ['db'] })).toThrow(/"db"/);
  });

  it('shows an unknown name from the command line escaped, never raw', () => {
    expect(() => selectServices(all, { only: ['db\u001b[2J'] })).toThrow('no service named "db\\u001b[2J" in this workspace.');
  });
});
