import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { removeRecordedCompose } from '../../src/compose/remove-recorded.js';
import { readComposeState, writeComposeState } from '../../src/compose/state.js';
import { realHost } from '../../src/os/host.js';
import { tempDir } from '../supervisor/support.js';
import { scriptedRunner } from './support.js';

const recorded = (dir: string) =>
  writeComposeState(dir, {
    version: 1,
    project: { file: '/ws/docker-compose.yml', name: 'tovplay', envFile: '/ws/.env.gone', profiles: ['local-db', 'monitoring'] },
    services: ['db', 'grafana'],
    owner: null,
  });
const options = (runner: ReturnType<typeof scriptedRunner>) => ({
  runner,
  host: realHost(),
  processEnv: { PATH: '/bin' },
  dotEnv: { POSTGRES_PASSWORD: 'pw' },
  shutdownTimeoutMs: 2_000,
  mask: (text: string) => text,
});
const v1 = [/^docker-compose version$/, { output: 'docker-compose version 1.29.2' }] as [RegExp, { output: string }];

describe('removeRecordedCompose (tovrun down)', () => {
  it('stops and removes the recorded services (never their volumes), then forgets them', async () => {
    const dir = tempDir('tovrun-compose-down-');
    recorded(dir);
    const runner = scriptedRunner([v1, [/^docker info$/, {}], [/^docker-compose -f/, {}]]);
    const report = await removeRecordedCompose(dir, options(runner));
    // The recorded .env is gone, so no --env-file.
    expect(runner.calls.filter((call) => call.line.startsWith('docker-compose -f')).map((call) => call.line)).toEqual([
      'docker-compose -f /ws/docker-compose.yml -p tovplay --profile local-db --profile monitoring stop -t 2 db grafana',
      'docker-compose -f /ws/docker-compose.yml -p tovplay --profile local-db --profile monitoring rm -f db grafana',
    ]);
    expect(runner.calls.filter((call) => call.line.startsWith('docker network')).map((call) => call.line)).toEqual([
      'docker network ls -q --filter label=com.docker.compose.project=tovplay',
    ]);
    expect(report).toEqual({ recorded: true, lines: ['removed the compose services db, grafana (project tovplay; named volumes kept)\n'] });
    expect(readComposeState(dir)).toBeNull();
  });

  it('reaches the engine recorded at start (a remote one) whatever DOCKER_HOST says now, and removes the delivered volumes there', async () => {
    const dir = tempDir('tovrun-compose-down-');
    writeComposeState(dir, {
      version: 1,
      project: { file: '/ws/docker-compose.yml', name: 'tovplay', envFile: null, profiles: ['monitoring'] },
      services: ['prometheus'],
      owner: null,
      engine: { url: 'tcp://10.0.0.5:2375', env: {} },
    });
    const runner = scriptedRunner([
      v1,
      [/^docker info$/, {}],
      [/^docker-compose -f/, {}],
      [/^docker volume ls/, { output: 'tovplay_tovrun_prometheus_etc-prometheus_abc\n' }],
      [/^docker (network|volume rm|ps)/, {}],
    ]);
    const report = await removeRecordedCompose(dir, { ...options(runner), processEnv: { PATH: '/bin', DOCKER_CONTEXT: 'laptop' } });
    expect(
      runner.calls
        .filter((call) => /^docker(-compose)? /.test(call.line) && !call.line.endsWith('version'))
        .every((call) => call.options?.env?.DOCKER_HOST === 'tcp://10.0.0.5:2375' && call.options.env.DOCKER_CONTEXT === undefined),
    ).toBe(true);
    expect(runner.calls.map((call) => call.line)).toContain('docker volume rm tovplay_tovrun_prometheus_etc-prometheus_abc');
    expect(report.lines).toEqual(['removed the compose services prometheus (project tovplay on tcp://10.0.0.5:2375; named volumes kept)\n']);
  });

  it('keeps the record and says why when the engine is not running', async () => {
    const dir = tempDir('tovrun-compose-down-');
    recorded(dir);
    const report = await removeRecordedCompose(dir, options(scriptedRunner([v1, [/^docker info$/, { exitCode: 1 }]])));
    expect(report.lines.join('')).toMatch(/cannot remove the compose services db, grafana \(project tovplay\): the Docker engine is not running/);
    expect(readComposeState(dir)).not.toBeNull();
  });

  it('keeps the record when compose refuses', async () => {
    const dir = tempDir('tovrun-compose-down-');
    recorded(dir);
    const report = await removeRecordedCompose(dir, options(scriptedRunner([v1, [/^docker info$/, {}], [/ stop /, { exitCode: 1, output: 'ERROR: boom' }]])));
    expect(report.lines.join('')).toContain('stopping db, grafana failed');
    expect(report.lines.join('')).toContain('| ERROR: boom');
    expect(readComposeState(dir)).not.toBeNull();
  });

  it('never signals a recorded owner whose start time is unknown, even when its command line matches, and keeps the record', async () => {
    const dir = tempDir('tovrun-compose-down-');
    const stranger = spawn('sleep', ['4103.5'], { stdio: 'ignore' });
    try {
      const owner = { pid: stranger.pid as number, startTime: null, commandLine: 'sleep 4103.5', keep: false };
      writeComposeState(dir, {
        version: 1,
        project: { file: '/ws/docker-compose.yml', name: 'tovplay', envFile: null, profiles: ['local-db'] },
        services: ['db'],
        owner,
      });
      const runner = scriptedRunner([]);
      const report = await removeRecordedCompose(dir, options(runner));
      expect(report.lines.join('')).toMatch(new RegExp(`left pid ${stranger.pid} alone: could not prove it is the tovrun using the compose services`));
      expect(stranger.exitCode).toBeNull();
      expect(stranger.signalCode).toBeNull();
      expect(runner.calls).toEqual([]);
      expect(readComposeState(dir)).not.toBeNull();
    } finally {
      stranger.kill('SIGKILL');
    }
  });

  it('does nothing without a record', async () => {
    const runner = scriptedRunner([]);
    expect(await removeRecordedCompose(tempDir('tovrun-compose-down-'), options(runner))).toEqual({ recorded: false, lines: [] });
    expect(runner.calls).toEqual([]);
  });
});
