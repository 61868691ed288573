// Secrets through the built CLI with real processes: a service echoing secrets from .env, from tovrun's environment and
// from tovrun.yaml env: (plain, trimmed, split by colour codes under FORCE_COLOR, split across writes), `--dry-run` with
// a database URL whose password holds '@', and `check env --json` under GitHub Actions with a PEM body in .env.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { logFilePath } from '../../src/panes/log-files.js';
import { plainText } from '../../src/text/ansi.js';
import { tempWorkspaces } from '../env/support/workspace.js';
import { cliPath } from '../support/processes.js';

const workspaces = tempWorkspaces();
afterAll(workspaces.removeAll);
const workspace = workspaces.make;

/** Runs the built CLI in cwd with PATH, HOME and env; resolves with its exit code, stdout and stderr. */
function tovrun(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cliPath, ...args],
      { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/** The secret and each of its suffixes of 4 characters or more. */
function secretParts(secret: string): string[] {
  return Array.from({ length: Math.max(0, secret.length - 3) }, (_, index) => secret.slice(index));
}

/** Fails naming the secret when text (or text without its colour codes) holds any of its parts. */
function expectNoSecret(text: string, secrets: readonly string[], where: string): void {
  for (const shown of [text, plainText(text)])
    for (const secret of secrets) for (const part of secretParts(secret)) expect(shown.includes(part), `${where} holds ${JSON.stringify(part)}`).toBe(false);
}

const fromDotEnv = 'CANARY env:sec@ret/1%Qz';
const fromEnvironment = 'CANARY-db@p:ss/w%rd Xq';
const fromYaml = 'sk_CANARY_yaml "q" é Wv';
const spaced = '  CANARY spaced Jk  ';

// The service prints each secret plainly, trimmed, split by colour codes, and split across two writes with no newline.
const printScript = `
const split = (s) => s.slice(0, 5) + '\\u001b[1;31m' + s.slice(5, 9) + '\\u001b[0m' + s.slice(9);
const all = [process.env.SECRET_KEY, process.env.DB_PASSWORD, process.env.STRIPE_SECRET_KEY, process.env.SPACED_SECRET];
for (const s of all) console.log('plain ' + s + ' | trimmed ' + s.trim() + ' | coloured ' + split(s) + ' | url ' + encodeURIComponent(s));
process.stdout.write('halves ' + all[1].slice(0, 8));
setTimeout(() => { process.stdout.write(all[1].slice(8) + ' done\\n'); }, 200);
`;

describe('secrets printed by a service (real processes, the built CLI)', () => {
  it('masks secrets from .env, the environment and tovrun.yaml env: in the terminal and in .tovrun/logs, with FORCE_COLOR', async () => {
    const root = workspace({
      '.env': `SECRET_KEY=${fromDotEnv}\nSPACED_SECRET="${spaced}"\n`,
      'print.js': printScript,
      'tovrun.yaml': `version: 1\npreset: none\nservices:\n  echo:\n    type: command\n    command: ["node", "print.js"]\n    env:\n      STRIPE_SECRET_KEY: ${JSON.stringify(fromYaml)}\n`,
    });
    const run = await tovrun(root, [], { DB_PASSWORD: fromEnvironment, FORCE_COLOR: '1' });
    const log = readFileSync(logFilePath(path.join(root, '.tovrun'), 'echo'), 'utf8');
    // The service did print: four lines, each with its secrets masked, and the halves joined into one masked line.
    expect(plainText(run.stdout)).toMatch(/echo \| plain \*\*\* \| trimmed \*\*\* \| coloured \*\*\* \| url \*\*\*/);
    expect(log).toContain('halves *** done');
    expect(run.stdout).toContain('\u001b[');
    expectNoSecret(run.stdout + run.stderr, [fromDotEnv, fromEnvironment, fromYaml, spaced.trim()], 'the terminal');
    expectNoSecret(log, [fromDotEnv, fromEnvironment, fromYaml, spaced.trim()], 'the log file');
  });

  it("masks a database URL whose password holds '@' in --dry-run's plan", async () => {
    const root = workspace({
      '.env': 'DATABASE_URL_LOCAL=postgresql://u:CANARY@CANARYtail@localhost:5432/db\nPOSTGRES_PASSWORD=CANARY@pg:pw Zx\nAPI_TOKEN=Zq9\n',
      'docker-compose.yml':
        'services:\n  db:\n    image: postgres:15\n    profiles: [local-db]\n    ports: ["5432:5432"]\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n',
      'tovrun.yaml':
        'version: 1\npreset: none\nservices:\n  backend:\n    type: command\n    command: ["node", "-e", "console.log(process.env.DATABASE_URL)", "--token=Zq9"]\n',
    });
    const run = await tovrun(root, ['--dry-run', '-p', 'local-db'], {});
    // A 3-character secret is masked in tovrun's own messages too (as a word of its own).
    expect(run.stdout).toContain('--token=***');
    expect(run.stdout).not.toMatch(/\bZq9\b/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Database of backend: postgresql://u:***@localhost:5432/db');
    expectNoSecret(run.stdout + run.stderr, ['CANARY@CANARYtail', 'CANARY@pg:pw Zx'], 'the plan');
  });

  it('masks the lines of a PEM body in check env, its --json, its GitHub annotations and the env gate of tovrun', async () => {
    const body = ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 'abcDEFcanaryPEMq7Zx'];
    const root = workspace({
      '.env': `SECRET_KEY=-----BEGIN PRIVATE KEY-----\n${body.join('\n')}\n-----END PRIVATE KEY-----\n`,
      '.env.template': '# @secret\nSECRET_KEY=x\n',
    });
    for (const args of [
      ['check', 'env'],
      ['check', 'env', '--json'],
    ]) {
      const run = await tovrun(root, args, { GITHUB_ACTIONS: 'true' });
      expect(run.code).toBe(1);
      expect(run.stdout + run.stderr).toContain('env/secret-continuation');
      expect(run.stdout + run.stderr).toContain('::error file=.env,line=2');
      expectNoSecret(
        (run.stdout + run.stderr).toUpperCase(),
        body.map((line) => line.toUpperCase()),
        args.join(' '),
      );
    }
    writeFileSync(path.join(root, 'tovrun.yaml'), 'version: 1\npreset: none\nservices:\n  echo:\n    type: command\n    command: ["node", "-e", "0"]\n');
    const gate = await tovrun(root, [], {});
    expect(gate.code).toBe(1);
    expect(gate.stderr).toContain('env/secret-continuation');
    expectNoSecret(
      (gate.stdout + gate.stderr).toUpperCase(),
      body.map((line) => line.toUpperCase()),
      'tovrun',
    );
  });
});
