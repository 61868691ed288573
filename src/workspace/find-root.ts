/** Finds the workspace root: the nearest folder, from the current one upwards, holding a workspace marker. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';

/** Files whose presence makes a folder a tovrun workspace. */
export const workspaceMarkers = ['tovrun.yaml', '.env.template', 'docker-compose.yml'] as const;

/** The nearest folder at or above start that holds a marker; a ConfigError naming the markers otherwise. */
export function findWorkspaceRoot(start: string, exists: (file: string) => boolean = existsSync): string {
  let current = path.resolve(start);
  for (;;) {
    if (workspaceMarkers.some((marker) => exists(path.join(current, marker)))) return current;
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  throw new ConfigError(`no tovrun workspace found in ${path.resolve(start)} or any folder above it.`, {
    file: path.resolve(start),
    hint: `A workspace holds one of ${workspaceMarkers.join(', ')}. Run tovrun from your project, or \`tovrun init\` to adopt it.`,
  });
}
