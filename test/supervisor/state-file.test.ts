import { readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseState, readState, removeState, statePath, writeState, type RunState } from '../../src/supervisor/state-file.js';
import { tempDir } from './support.js';

const state: RunState = {
  version: 1,
  owner: { pid: 10, startTime: 1_700_000_000_000, commandLine: 'node bin/tovrun.js' },
  services: [{ name: 'backend', pid: 11, pgid: 11, port: 5001, command: ['python', '-m', 'flask'], cwd: '/w', startTime: 1_700_000_000_500, commandLine: 'python -m flask' }],
};

describe('state file', () => {
  it('round-trips through an atomic write that leaves no temporary file', () => {
    const dir = tempDir();
    writeState(dir, state);
    writeState(dir, state);
    expect(readState(dir)).toEqual(state);
    expect(readdirSync(dir)).toEqual(['state.json']);
    removeState(dir);
    expect(readState(dir)).toBeNull();
  });

  it('ignores files that are not a tovrun state, and malformed services', () => {
    expect(parseState('{not json')).toBeNull();
    expect(parseState('{"version":2}')).toBeNull();
    const dir = tempDir();
    writeFileSync(statePath(dir), JSON.stringify({ ...state, services: [...state.services, { name: 'broken' }] }));
    expect(readState(dir)?.services.map((service) => service.name)).toEqual(['backend']);
  });
});
