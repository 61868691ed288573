/** Which native services a .env edit touches: those whose resolved environment changed, with the keys (names only). */
import type { LaunchSpec } from '../plan/launch-spec.js';

/** The keys whose values differ between two environments (added, removed or changed), sorted; never the values. */
export function changedKeys(before: Readonly<NodeJS.ProcessEnv>, after: Readonly<NodeJS.ProcessEnv>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => before[key] !== after[key]).sort();
}

/** One service to restart with its new environment, and the keys that changed in it. */
export interface EnvRestart {
  service: string;
  keys: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * The services of next whose environment differs from the one they run with now (current, by name), in next's order;
 * reads (by service name) leaves out keys a service does not read (a Vite server and a key it never sees).
 */
export function envRestarts(
  current: ReadonlyMap<string, Readonly<NodeJS.ProcessEnv>>,
  next: readonly LaunchSpec[],
  reads: ReadonlyMap<string, (key: string) => boolean> = new Map(),
): EnvRestart[] {
  return next.flatMap((launch) => {
    const before = current.get(launch.name);
    if (before === undefined) return [];
    const keys = changedKeys(before, launch.env).filter(reads.get(launch.name) ?? (() => true));
    return keys.length === 0 ? [] : [{ service: launch.name, keys, env: launch.env }];
  });
}

/** "A, B and 2 more": key names for one line. */
export function listNames(names: readonly string[], shown = 6): string {
  if (names.length <= shown) return names.join(', ');
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}
