import { describe, expect, it } from 'vitest';
import { loadTui } from '../../../src/panes/tui/load-tui.js';

describe('loading the UI', () => {
  it('sets NODE_ENV=production only while importing, so services never inherit it, and keeps a NODE_ENV the user set', async () => {
    const env: NodeJS.ProcessEnv = {};
    const module = await loadTui(env);
    expect(typeof module.openTuiOutput).toBe('function');
    expect(env).toEqual({});
    const development: NodeJS.ProcessEnv = { NODE_ENV: 'development' };
    await loadTui(development);
    expect(development).toEqual({ NODE_ENV: 'development' });
  });
});
