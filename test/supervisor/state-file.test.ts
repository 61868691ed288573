import { readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkState, parseState, type RunState, readCheckedState, readState, removeState, statePath, writeState } from '../../src/supervisor/state-file.js';
import { tempDir } from './support.js';

const state: RunState = {
  version: 1,
  owner: { pid: 10, startTime: 1_700_000_000_000, commandLine: 'node bin/tovrun.js' },
  services: [
    {
      name: 'backend',
      pid: 11,
      pgid: 11,
      port: 5001,
      command: ['python', '-m', 'flask'],
      cwd: '/w',
      startTime: 1_700_000_000_500,
      commandLine: 'python -m flask',
    },
  ],
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

  it('rejects, with a reason, every entry tovrun could not signal safely', () => {
    const [valid] = state.services;
    const self = { pid: 4242, pgid: 4240 };
    const reasons = (overrides: Record<string, unknown>) =>
      checkState({ ...state, services: [{ ...valid, ...overrides }] }, self)?.rejected.map((entry) => entry.reason);
    expect(reasons({})).toEqual([]);
    expect(reasons({ pgid: 1 })).toEqual(['its process group 1 is not a process id above 1']);
    expect(reasons({ pgid: 0 })).toEqual(['its process group 0 is not a process id above 1']);
    expect(reasons({ pid: 1, pgid: 1 })).toEqual(['its pid 1 is not a process id above 1']);
    expect(reasons({ pid: -5 })).toEqual(['its pid -5 is not a process id above 1']);
    expect(reasons({ pid: 2 ** 53 })).toEqual([`its pid ${2 ** 53} is not a process id above 1`]);
    expect(reasons({ pid: '11' })).toEqual(['its pid "11" is not a process id above 1']);
    expect(reasons({ pgid: 12 })).toEqual(['its process group 12 is not the one it leads (tovrun starts every service as the leader of group 11)']);
    expect(reasons({ pid: 4240, pgid: 4240 })).toEqual(["process group 4240 is this tovrun's own"]);
    expect(reasons({ pid: 4242, pgid: 4242 })).toEqual(['pid 4242 is this tovrun itself']);
    expect(reasons({ pgid: null })).toEqual(['it records no process group, and tovrun records one for every service on this system']);
    // Windows has no process groups: there an entry records none, and self has none either.
    expect(checkState({ ...state, services: [{ ...valid, pgid: null }] }, { pid: 4242, pgid: null })?.rejected).toEqual([]);
    expect(reasons({ startTime: -1 })).toEqual(['its start time is not a positive number']);
    expect(reasons({ startTime: '1700000000500' })).toEqual(['its start time is not a positive number']);
    expect(reasons({ name: 'a\u001b[2Jb' })).toEqual(['its name is not a service name']);
    expect(checkState({ ...state, owner: { pid: 1, startTime: null, commandLine: null } })?.owner).toBeNull();
    expect(parseState(JSON.stringify({ ...state, owner: { pid: 0, startTime: null, commandLine: null } }))).toBeNull();
  });

  it('keeps the descendants recorded on Windows, each a pid above 1 with a start time, and rejects an entry with any other', () => {
    const windows = { ...state.services[0], pgid: null, descendants: [{ pid: 2100, startTime: 1_700_000_001_000, extra: 'dropped' }] };
    const self = { pid: 4242, pgid: null };
    expect(checkState({ ...state, services: [windows] }, self)?.services[0]?.descendants).toEqual([{ pid: 2100, startTime: 1_700_000_001_000 }]);
    const reasons = (descendants: unknown) => checkState({ ...state, services: [{ ...windows, descendants }] }, self)?.rejected.map((entry) => entry.reason);
    expect(reasons('2100')).toEqual(['its descendants are not a list']);
    for (const bad of [{ pid: 1, startTime: 5 }, { pid: 2100, startTime: null }, { pid: 2100, startTime: -5 }, { pid: '2100', startTime: 5 }, 7]) {
      expect(reasons([bad])).toEqual(['a descendant in it is not a pid above 1 with a start time']);
    }
    expect(reasons([{ pid: 4242, startTime: 5 }])).toEqual(['its descendant pid 4242 is this tovrun itself']);
  });

  it('reports a file that is not a state file at all', () => {
    const dir = tempDir();
    writeFileSync(statePath(dir), '{"version": 1, "owner": ');
    expect(readCheckedState(dir, { pid: 5, pgid: 5 })).toEqual({
      owner: null,
      services: [],
      rejected: [{ name: 'everything', reason: 'it is not a state file tovrun wrote' }],
    });
  });
});
