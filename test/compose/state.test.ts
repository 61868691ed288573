import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ComposeState, composeStatePath, parseComposeState, readComposeState, removeComposeState, writeComposeState } from '../../src/compose/state.js';
import { tempDir } from '../supervisor/support.js';

const state: ComposeState = {
  version: 1,
  project: { file: '/ws/docker-compose.yml', name: 'tovplay', envFile: '/ws/.env', profiles: ['local-db'] },
  services: ['db'],
  owner: { pid: 42, startTime: 1_700_000_000_000, commandLine: 'node tovrun', keep: true },
};

describe('compose.json', () => {
  it('round-trips through an atomic write beside state.json', () => {
    const dir = tempDir('tovrun-compose-state-');
    writeComposeState(dir, state);
    expect(composeStatePath(dir)).toBe(`${dir}/compose.json`);
    expect(readComposeState(dir)).toEqual(state);
    expect(JSON.parse(readFileSync(composeStatePath(dir), 'utf8'))).toEqual(state);
    removeComposeState(dir);
    expect(readComposeState(dir)).toBeNull();
  });

  it('records the engine the containers live on, and refuses an engine entry that sets anything but DOCKER_* connection variables', () => {
    const remote = { ...state, engine: { url: 'tcp://10.0.0.5:2375', env: { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/home/dev/.docker/tls' } } };
    expect(parseComposeState(JSON.stringify(remote))).toEqual(remote);
    expect(parseComposeState(JSON.stringify({ ...remote, engine: { url: 'tcp://x:2375', env: { LD_PRELOAD: '/tmp/x.so' } } }))).toBeNull();
    expect(parseComposeState(JSON.stringify({ ...remote, engine: { url: '', env: {} } }))).toBeNull();
  });

  it('ignores files tovrun did not write', () => {
    expect(parseComposeState('not json')).toBeNull();
    expect(parseComposeState(JSON.stringify({ ...state, version: 2 }))).toBeNull();
    expect(parseComposeState(JSON.stringify({ ...state, services: [1] }))).toBeNull();
    expect(parseComposeState(JSON.stringify({ ...state, owner: { pid: 'x' } }))).toBeNull();
    // Names compose would refuse (they are printed and passed to compose), and pids 0, 1 or negative, are no record of tovrun's.
    expect(parseComposeState(JSON.stringify({ ...state, services: ['db\u001b]0;owned\u0007'] }))).toBeNull();
    expect(parseComposeState(JSON.stringify({ ...state, services: ['a/b'] }))).toBeNull();
    for (const pid of [0, 1, -5, 1.5]) expect(parseComposeState(JSON.stringify({ ...state, owner: { ...state.owner, pid } }))).toBeNull();
    expect(parseComposeState(JSON.stringify({ ...state, owner: null }))).toEqual({ ...state, owner: null });
    const dir = tempDir('tovrun-compose-state-');
    writeFileSync(composeStatePath(dir), '{');
    expect(readComposeState(dir)).toBeNull();
  });
});
