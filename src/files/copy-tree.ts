/** Copies a folder of shipped files into a user's folder without ever overwriting what is already there. */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Folder names never copied out of a template (installs made while developing tovrun). */
const skippedNames = new Set(['node_modules', 'venv', '.venv', '__pycache__', '.tovrun']);

/** One file a copy would write, and whether something already stands at its destination. */
export interface PlannedCopy {
  from: string;
  to: string;
  exists: boolean;
}

/** Every file under source (relative order stable) with its destination under target. */
export function planCopy(source: string, target: string, exists: (file: string) => boolean = existsSync): PlannedCopy[] {
  const planned: PlannedCopy[] = [];
  const walk = (relative: string) => {
    const entries = readdirSync(path.join(source, relative), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (skippedNames.has(entry.name)) continue;
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) planned.push({ from: path.join(source, child), to: path.join(target, child), exists: exists(path.join(target, child)) });
    }
  };
  walk('');
  return planned;
}

/** Writes the planned files whose destination is free; returns those written. */
export function applyCopy(planned: PlannedCopy[]): PlannedCopy[] {
  const written = planned.filter((copy) => !copy.exists);
  for (const copy of written) {
    mkdirSync(path.dirname(copy.to), { recursive: true });
    copyFileSync(copy.from, copy.to);
  }
  return written;
}
