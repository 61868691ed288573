// The real kill cases of a hostile state file, each in a private PID namespace (a wrong kill(-1) there cannot reach
// anything outside), observed with strace: `tovrun down` must send no signal to a process it did not start.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const scenario = fileURLToPath(new URL('./namespace/down-scenario.mjs', import.meta.url));

function unavailable(): string | null {
  if (process.platform !== 'linux') return 'private PID namespaces are Linux only';
  if (spawnSync('strace', ['-V']).status !== 0) return 'strace is not installed';
  if (spawnSync('setsid', ['-w', 'true']).status !== 0) return 'setsid is not installed';
  const probe = spawnSync('unshare', ['-p', '-f', '--mount-proc', 'true'], { encoding: 'utf8' });
  return probe.status === 0 ? null : `unshare -p -f --mount-proc is not permitted here (${(probe.stderr || probe.error?.message || '').trim()})`;
}

interface ScenarioResult {
  pids: { victim: number; leftover: number; dead: number };
  kills: [number, string][];
  alive: { victim: boolean; sibling: boolean; leftover: boolean };
  output: string;
}

function run(testCase: string): ScenarioResult {
  // A session of its own too: a process group reaches across PID namespaces, so a stray kill(0) must find only the scenario.
  const result = spawnSync('setsid', ['-w', 'unshare', '-p', '-f', '--mount-proc', '--kill-child', process.execPath, scenario, testCase], {
    encoding: 'utf8',
    timeout: 30_000,
    killSignal: 'SIGKILL',
  });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  if (!line.startsWith('{')) throw new Error(`the scenario printed no result (status ${result.status}): ${result.stderr}`);
  return JSON.parse(line) as ScenarioResult;
}

/** The signals (not the signal-0 probes) sent to anything but the proven leftover's group. */
function strayKills(result: ScenarioResult): [number, string][] {
  return result.kills.filter(([target, signal]) => signal !== '0' && target !== -result.pids.leftover);
}

const reason = unavailable();

describe.skipIf(reason !== null)(`tovrun down in a private PID namespace${reason ? ` (skipped: ${reason})` : ''}`, () => {
  it('stops a proven leftover through its group, and the trace shows it (the harness sees kills)', () => {
    const result = run('proven');
    expect(result.kills).toContainEqual([-result.pids.leftover, 'SIGTERM']);
    expect(result.alive).toEqual({ victim: true, sibling: true, leftover: false });
  });

  it.each([
    ['pgid-1', 'ignored backend in .tovrun/state.json: its process group 1 is not a process id above 1'],
    ['pgid-0', 'ignored backend in .tovrun/state.json: its process group 0 is not a process id above 1'],
    ['dead-pid-live-group', 'is not the one it leads'],
    ['null-start-time', 'could not prove it is the backend tovrun started (no start time was recorded for it'],
    ['owner-null-start-time', 'could not prove it is the tovrun that wrote .tovrun/state.json (no start time was recorded for it'],
  ])('%s: no signal reaches a process tovrun did not start', (testCase, said) => {
    const result = run(testCase);
    expect(strayKills(result)).toEqual([]);
    expect(result.kills.some(([target]) => target === -1 || target === 0)).toBe(false);
    expect(result.alive).toEqual({ victim: true, sibling: true, leftover: false });
    expect(result.output).toContain(said);
  });
});
