import { describe, expect, it } from 'vitest';
import { envCheck } from '../../src/check/env-check.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { tempWorkspace } from '../env/support/workspace.js';

describe('envCheck', () => {
  it('reports paths relative to the workspace root', () => {
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
