// Running the doctor in process on a temporary workspace with fake effects, and reading its JSON report back.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CheckEffects } from '../../../src/check/effects.js';
import { type CheckOptions, runCheck } from '../../../src/commands/check.js';
import type { RunContext } from '../../../src/context.js';
import type { RunResult } from '../../../src/os/system-runner.js';
import type { TimedFinding } from '../../../src/report/findings.js';
import { type FakeRunner, fakeRunner, isProbe, notFound, ok, probeAnswer } from '../../install/support/fake-runner.js';
import { writeFiles } from '../../install/support/temp-dir.js';
import { memoryContext } from '../../support/memory-context.js';

/** A fresh workspace folder holding files (relative path → text). */
export function workspaceWith(files: Record<string, string>): string {
  return writeFiles(mkdtempSync(path.join(tmpdir(), 'tovrun-check-')), files);
}

/** The smallest workspace the doctor accepts: a template and a matching .env, no services. */
export const minimalFiles: Record<string, string> = {
  '.env.template': 'APP_NAME=demo\n',
  '.env': 'APP_NAME=demo\n',
  'tovrun.yaml': 'version: 1\npreset: none\n',
};

/** A runner that answers like a machine with python3 3.11.7 and working venvs, node 22.12.0, and no git repository. */
export function machineRunner(extra: (command: string, args: string[]) => RunResult | undefined = () => undefined): FakeRunner {
  return fakeRunner((command, args) => {
    const answer = extra(command, args);
    if (answer) return answer;
    if (isProbe(args)) {
      if (command === 'python3') return probeAnswer('/usr/bin/python3.11', '3.11.7');
      return command.endsWith(path.join('bin', 'python')) ? probeAnswer(command, '3.11.7') : notFound;
    }
    if (command === 'node') return ok('v22.12.0\n');
    if (command === 'npm') return ok('10.9.0\n');
    if (command === 'git') return { exitCode: 128, output: 'fatal: not a git repository (or any of the parent directories): .git\n' };
    return notFound;
  });
}

/** Effects that touch nothing real: every port free, no running tovrun, no database, an empty home. */
export function fakeEffects(overrides: Partial<CheckEffects> = {}): Partial<CheckEffects> {
  return {
    runner: machineRunner(),
    ports: { availability: async () => 'free', holder: async () => null },
    liveRun: async () => null,
    connectDatabase: async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    },
    nodeVersion: '22.12.0',
    nodePath: '/opt/node/bin/node',
    homeDir: mkdtempSync(path.join(tmpdir(), 'tovrun-check-home-')),
    ...overrides,
  };
}

/** What one doctor run printed and returned. */
export interface DoctorRun {
  code: number;
  findings: TimedFinding[];
  stderr: string;
}

/** Runs `tovrun check <names> --json` in process; options and the context's env and platform can be changed. */
export async function runDoctor(
  cwd: string,
  names: string[],
  settings: { options?: Partial<CheckOptions>; effects?: Partial<CheckEffects>; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform } = {},
): Promise<DoctorRun> {
  const ctx: RunContext & ReturnType<typeof memoryContext> = memoryContext(cwd, {
    env: settings.env ?? { PATH: '/usr/bin' },
    platform: settings.platform ?? 'linux',
  });
  const options: CheckOptions = { json: true, strict: false, requireDb: false, profiles: [], ...settings.options };
  const code = await runCheck(ctx, names, options, settings.effects ?? fakeEffects());
  return { code, findings: JSON.parse(ctx.stdout.text()) as TimedFinding[], stderr: ctx.stderr.text() };
}

/** The findings of a run with the given id. */
export function withId(run: DoctorRun, id: string): TimedFinding[] {
  return run.findings.filter((item) => item.id === id);
}

/** A TovPlay-shaped workspace: backend (python) and frontend (node, Vite declared), plus extra files. */
export function tovplayWorkspace(extra: Record<string, string> = {}): string {
  return workspaceWith({
    '.env.template': 'APP=1\n',
    '.env': 'APP=1\n',
    'tovrun.yaml': 'version: 1\n',
    'backend/requirements.txt': 'flask\n',
    'frontend/package.json': '{"devDependencies": {"vite": "^8.3.8"}}\n',
    ...extra,
  });
}
