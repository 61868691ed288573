import { describe, expect, it } from 'vitest';
import { availableChecks, doctorChecks, envCheck } from '../../src/check/checks.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { tempWorkspace } from '../env/support/workspace.js';

describe('doctorChecks', () => {
  it('runs env, toolchains, dependencies, ports, compose, hygiene and database, each with a timeout', () => {
    expect(doctorChecks.map((check) => check.name)).toEqual(['env', 'toolchains', 'dependencies', 'ports', 'compose', 'hygiene', 'database']);
    for (const check of doctorChecks) expect(check.timeoutMs).toBeGreaterThan(0);
  });
});

describe('availableChecks', () => {
  it('has the env check, which reports paths relative to the workspace root', () => {
    expect([...availableChecks.keys()]).toEqual(['env']);
    const root = tempWorkspace({ '.env.template': 'A=1\n', '.env': 'B=1\n' });
    const { findings } = envCheck(loadWorkspace(root));
    expect(findings.map((item) => [item.id, item.file])).toEqual([
      ['env/missing-key', '.env'],
      ['env/unknown-key', '.env'],
    ]);
  });

  it('throws a ConfigError when the workspace has no .env.template', () => {
    expect(() => envCheck(loadWorkspace(tempWorkspace({ 'docker-compose.yml': 'services: {}\n' })))).toThrow(/no \.env\.template/);
  });
});
