import { describe, expect, it } from 'vitest';
import { changedKeys, envRestarts, listNames } from '../../src/devloop/env-changes.js';
import { launchWith } from './support.js';

describe('which services a .env edit touches', () => {
  it('lists the keys added, removed or changed, sorted, and never a value', () => {
    expect(changedKeys({ A: '1', B: '2', C: '3' }, { A: '1', B: 'x', D: '4' })).toEqual(['B', 'C', 'D']);
    expect(changedKeys({ A: '1' }, { A: '1' })).toEqual([]);
  });

  it('restarts only the services whose environment changed, in the run order, with their new environment', () => {
    const current = new Map([
      ['api', { NAME: 'a', PORT: '1' }],
      ['web', { PORT: '1' }],
    ]);
    const next = [launchWith('api', { NAME: 'b', PORT: '1' }), launchWith('web', { PORT: '1' }), launchWith('new', { NAME: 'b' })];
    expect(envRestarts(current, next)).toEqual([{ service: 'api', keys: ['NAME'], env: { NAME: 'b', PORT: '1' } }]);
  });

  it('leaves out the keys a service does not read (a Vite server and a key it never sees)', () => {
    const current = new Map([['web', { NAME: 'a', VITE_TITLE: 'x' }]]);
    const reads = new Map([['web', (key: string) => key.startsWith('VITE_')]]);
    expect(envRestarts(current, [launchWith('web', { NAME: 'b', VITE_TITLE: 'x' })], reads)).toEqual([]);
    expect(envRestarts(current, [launchWith('web', { NAME: 'b', VITE_TITLE: 'y' })], reads)).toMatchObject([{ service: 'web', keys: ['VITE_TITLE'] }]);
  });

  it('shortens a long list of key names', () => {
    expect(listNames(['A', 'B'])).toBe('A, B');
    expect(listNames(['A', 'B', 'C', 'D'], 2)).toBe('A, B and 2 more');
  });
});
