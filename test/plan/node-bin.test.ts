import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePackageBin } from '../../src/plan/node-bin.js';

const manifests: Record<string, string> = {
  [path.join('/app', 'node_modules', 'vite', 'package.json')]: JSON.stringify({ bin: { vite: 'bin/vite.js' } }),
  [path.join('/app', 'node_modules', 'tool', 'package.json')]: JSON.stringify({ bin: 'cli.js' }),
  [path.join('/app', 'node_modules', 'broken', 'package.json')]: '{',
  [path.join('/app', 'node_modules', 'nulled', 'package.json')]: 'null',
};
const read = (file: string) => manifests[file];

describe('resolvePackageBin', () => {
  it('finds a bin given as a map or a string', () => {
    expect(resolvePackageBin('/app', 'vite', read)).toBe(path.join('/app', 'node_modules', 'vite', 'bin', 'vite.js'));
    expect(resolvePackageBin('/app', 'tool', read)).toBe(path.join('/app', 'node_modules', 'tool', 'cli.js'));
  });

  it('returns null for missing packages, broken manifests and names that are paths', () => {
    expect(resolvePackageBin('/app', 'missing', read)).toBeNull();
    expect(resolvePackageBin('/app', 'broken', read)).toBeNull();
    expect(resolvePackageBin('/app', 'nulled', read)).toBeNull();
    expect(resolvePackageBin('/app', '../vite', read)).toBeNull();
  });
});
