// The project compose commands of a running session use from outside it (the dev loop's recreate of compose services).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runningProject } from '../../src/compose/create-session.js';
import { mountOverridePath } from '../../src/compose/deliver-mounts.js';
import { type EngineStatus, resolveEngineEndpoint } from '../../src/compose/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const project = { file: '/w/docker-compose.yml', name: 'w', envFile: null, profiles: ['monitoring'] };
const engineAt = (dockerHost: string | undefined): EngineStatus => ({
  endpoint: resolveEngineEndpoint(dockerHost ? { DOCKER_HOST: dockerHost } : {}, 'linux', () => undefined),
  version: '28.0',
  answeredMs: 3,
});

describe('runningProject', () => {
  it('adds the mount override the session wrote on a remote engine, so a recreated container keeps the delivered volumes', () => {
    const stateDir = mkdtempSync(path.join(tmpdir(), 'tovrun-running-project-'));
    dirs.push(stateDir);
    const remote = engineAt('tcp://10.0.0.5:2375');
    expect(runningProject(project, remote, stateDir)).toEqual(project);
    writeFileSync(mountOverridePath(stateDir), '{}');
    expect(runningProject(project, remote, stateDir)).toEqual({ ...project, overrideFiles: [mountOverridePath(stateDir)] });
    // A local engine resolves the binds itself: never the override, even when a remote run left one.
    expect(runningProject(project, engineAt(undefined), stateDir)).toEqual(project);
  });
});
