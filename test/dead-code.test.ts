// No dead code: every runtime dependency is loaded by src/, every module of src/ is reached from the CLI, and every
// export is named somewhere else (in src/ or a test).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/processes.js';
import { importGraph, sourceFiles } from './support/source-files.js';

const src = sourceFiles('src');
const tests = sourceFiles('test');

/** The specifiers a file loads at run time: static imports and re-exports (not `import type`), import() and require literals. */
function runtimeSpecifiers(text: string): string[] {
  const statements = [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+'([^']+)'/gms)].map((match) => match[1] as string);
  const dynamic = [...text.matchAll(/(?:import|require|createRequire\(import\.meta\.url\))\([^)]*?'([^']+)'\)/g)].map((match) => match[1] as string);
  return [...statements, ...dynamic];
}

/** The package a specifier loads: its first segment, or its first two for a scoped one (@scope/name/sub/path.js). */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

describe('dead code', () => {
  it('every runtime dependency in package.json is loaded by src/', () => {
    const { dependencies } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const loaded = new Set([...src.values()].flatMap(runtimeSpecifiers).map((specifier) => packageName(specifier)));
    expect(Object.keys(dependencies).filter((name) => !loaded.has(name))).toEqual([]);
  });

  it('every module of src/ is imported, directly or not, by src/cli.ts', () => {
    const graph = importGraph(src);
    const reached = new Set<string>();
    const pending = [path.join('src', 'cli.ts')];
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
      if (reached.has(file)) continue;
      reached.add(file);
      pending.push(...(graph.get(file) ?? []));
    }
    expect([...src.keys()].filter((file) => !reached.has(file))).toEqual([]);
  });

  it('every exported name of src/ is used again in its file, elsewhere in src/ or in a test', () => {
    const texts = [...src.entries(), ...tests.entries()];
    const unused = [...src.entries()].flatMap(([file, text]) =>
      [...text.matchAll(/^export (?:async )?(?:const|let|function|class|interface|type|enum) (\w+)/gm)]
        .map((match) => match[1] as string)
        .filter((name) => {
          const word = new RegExp(`\\b${name}\\b`, 'g');
          return (text.match(word) ?? []).length === 1 && !texts.some(([other, otherText]) => other !== file && word.test(otherText));
        })
        .map((name) => `${file}: ${name}`),
    );
    expect(unused).toEqual([]);
  });
});
