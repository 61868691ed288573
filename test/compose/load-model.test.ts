import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadComposeModel } from '../../src/compose/load-model.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { configError } from '../support/config-error.js';

/** A workspace with a template and, as given, a compose file or a folder of that name. */
function workspaceWithCompose(compose: string | 'folder' | null) {
  const root = mkdtempSync(path.join(tmpdir(), 'tovrun-compose-load-'));
  writeFileSync(path.join(root, '.env.template'), 'A=1\n');
  if (compose === 'folder') mkdirSync(path.join(root, 'docker-compose.yml'));
  else if (compose !== null) writeFileSync(path.join(root, 'docker-compose.yml'), compose);
  return loadWorkspace(root, undefined, 'recall');
}

/** The ConfigError loading the compose model throws. */
const loadError = (compose: string | 'folder' | null) => configError(() => loadComposeModel(workspaceWithCompose(compose), {}, ['local-db']));

describe('loadComposeModel', () => {
  it('reads the services of the compose file', () => {
    expect(loadComposeModel(workspaceWithCompose('services:\n  db:\n    image: postgres\n'), {}, []).services.map((service) => service.name)).toEqual(['db']);
  });

  it('says the file is missing when it is, and a folder when it is one', () => {
    expect(loadError(null).message).toBe('the compose profiles local-db need docker-compose.yml, which does not exist.');
    const folder = loadError('folder');
    expect(folder.message).toBe('docker-compose.yml is a folder, not a text file; tovrun reads it as text and will not open it.');
    expect(folder.location?.file).toMatch(/docker-compose\.yml$/);
  });
});
