/** Resolves a package binary (vite) to the JavaScript file node runs, so `.npmrc bin-links=false` does not matter. */
import path from 'node:path';
import { parseJsonObject } from '../files/json-state.js';
import { type ReadText, readText } from '../files/read-text.js';

/** The bin file of `name` in dir/node_modules/<name> (bin as a string or a map holding name), or null. */
export function resolvePackageBin(dir: string, name: string, read: ReadText = readText): string | null {
  if (!/^(@[\w.-]+\/)?[\w.-]+$/.test(name)) return null;
  const packageDir = path.join(dir, 'node_modules', name);
  const text = read(path.join(packageDir, 'package.json'));
  if (text === undefined) return null;
  const manifest = parseJsonObject(text) as { bin?: string | Record<string, string> } | null;
  if (!manifest) return null;
  const binName = name.split('/').pop() as string;
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[binName];
  return bin ? path.join(packageDir, bin) : null;
}
