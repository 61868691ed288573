// The root docker-compose.yml: compose's own `config -q` for every profile (when a provider is installed), and no literal secret or host.
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readComposeModel } from '../../src/compose/compose-model.js';
import { composeConfigProblems } from '../../src/compose/config-check.js';
import { detectComposeProvider } from '../../src/compose/provider.js';
import { resolveEnvValues } from '../../src/env/load.js';
import { spawnRunner } from '../../src/os/spawn-runner.js';
import { repoRoot } from '../support/processes.js';

const composeText = readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8');
const provider = await detectComposeProvider(spawnRunner);

/** A scratch TovPlay workspace: the compose file, infra/, the app folders and a .env copied from the template. */
function scratchWorkspace(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tovrun-compose-root-'));
  for (const file of ['docker-compose.yml', '.env.template', 'infra']) cpSync(path.join(repoRoot, file), path.join(root, file), { recursive: true });
  cpSync(path.join(repoRoot, '.env.template'), path.join(root, '.env'));
  for (const app of ['tovplay-backend', 'tovplay-frontend']) mkdirSync(path.join(root, app));
  return root;
}

describe('the root docker-compose.yml', () => {
  it('has the three profiles of the issue, and backend and frontend in the default profile', () => {
    const model = readComposeModel(
      composeText,
      'docker-compose.yml',
      (name) => Object.fromEntries(resolveEnvValues(readFileSync(path.join(repoRoot, '.env.template'), 'utf8')))[name],
    );
    expect(model.profiles).toEqual(['local-db', 'monitoring', 'pgbouncer']);
    const byProfile = (profile: string) => model.services.filter((service) => service.profiles.includes(profile)).map((service) => service.name);
    expect(model.services.filter((service) => service.profiles.length === 0).map((service) => service.name)).toEqual(['backend', 'frontend']);
    expect(byProfile('local-db')).toEqual(['db']);
    expect(byProfile('pgbouncer')).toEqual(['pgbouncer']);
    expect(byProfile('monitoring')).toEqual(['prometheus', 'grafana', 'loki', 'promtail', 'alertmanager', 'node-exporter', 'cadvisor']);
  });

  it('holds no literal secret, address or host: only ${VAR} (service names and the host gateway aside)', () => {
    const values = composeText.split('\n').filter((line) => !line.trim().startsWith('#'));
    for (const line of values) {
      const secret = /^\s*[A-Z_]*(?:PASSWORD|SECRET|TOKEN)[A-Z_]*:(.*)$/.exec(line)?.[1]?.trim();
      if (secret !== undefined) expect(secret, line).toMatch(/^\$\{/);
      expect(line, line).not.toMatch(/\b(?!127\.0\.0\.1|0\.0\.0\.0)\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/);
    }
    expect(composeText).not.toMatch(/^name:/m);
    expect(composeText).not.toMatch(/required:\s*(true|false)/);
  });

  it.skipIf(provider === null)(
    `passes \`${provider?.name ?? 'compose'} config -q\` for the default profile and each named profile`,
    async () => {
      if (!provider) return;
      const root = scratchWorkspace();
      const project = { file: path.join(root, 'docker-compose.yml'), name: 'tovplay', envFile: path.join(root, '.env'), profiles: [] };
      const problems = await composeConfigProblems(spawnRunner, provider, {
        project,
        profiles: ['local-db', 'monitoring', 'pgbouncer'],
        displayFile: 'docker-compose.yml',
        env: process.env,
        mask: (text) => text,
      });
      expect(problems).toEqual([]);
    },
    60_000,
  );

  it.skipIf(provider === null)(
    "reports the profile compose refuses, with compose's message masked",
    async () => {
      if (!provider) return;
      const root = scratchWorkspace();
      const project = { file: path.join(root, 'docker-compose.yml'), name: 'tovplay', envFile: path.join(root, '.env.missing'), profiles: [] };
      const problems = await composeConfigProblems(spawnRunner, provider, {
        project,
        profiles: ['local-db'],
        displayFile: 'docker-compose.yml',
        env: { PATH: process.env.PATH },
        mask: (text) => text.replaceAll('.env.missing', '***'),
      });
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.map((problem) => problem.message).join('\n')).not.toContain('.env.missing');
      expect(problems[0]).toMatchObject({
        id: 'compose/config',
        status: 'error',
        file: 'docker-compose.yml',
        message: expect.stringContaining('config -q refuses the default profile'),
      });
    },
    60_000,
  );
});
