// The npm package holds what runs and what users read, and nothing else (the cold demo runs from it: demo.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packTarball } from '../support/installed-package.js';
import { repoRoot } from '../support/processes.js';

describe('npm pack', () => {
  const { files } = packTarball(true);

  it('ships the bundle, the vendored yaml, the templates, infra, the docs and the licence', () => {
    for (const file of [
      'bin/tovrun.js',
      'dist/cli.bundle.js',
      'dist/vendor/yaml.cjs',
      'templates/tovrun.schema.json',
      'templates/compose-spec.schema.json',
      'templates/demo/backend/app.py',
      'docker-compose.yml',
      '.env.template',
      'SETUP.md',
      'README.md',
      'LICENSE',
      'package.json',
    ]) {
      expect(files, file).toContain(file);
    }
    expect(files.some((file) => file.startsWith('infra/prometheus/'))).toBe(true);
    expect(files.some((file) => /^dist\/bundle-\w+\.js$/.test(file))).toBe(true);
  });

  it('leaves out what does not run: tsc output beside the bundle, sources, tests, benches, dev configs', () => {
    const unwanted = files.filter(
      (file) =>
        /^(src|test|bench|\.ci)\//.test(file) ||
        /^dist\/(?!vendor\/)[^/]+\//.test(file) ||
        /^dist\/(cli|context|errors|paths)\.js/.test(file) ||
        /^(tsconfig|biome)\.json$|^\.dependency-cruiser/.test(file),
    );
    expect(unwanted).toEqual([]);
  });

  it('every chunk the bundle imports is shipped', () => {
    const shipped = new Set(files);
    const bundleFiles = files.filter((file) => /^dist\/.*\.js$/.test(file));
    for (const file of bundleFiles) {
      const imports = readFileSync(`${repoRoot}/${file}`, 'utf8').matchAll(/from ["']\.\/([\w.-]+\.js)["']|import\(["']\.\/([\w.-]+\.js)["']\)/g);
      for (const match of imports) {
        const chunk = match[1] ?? match[2];
        expect(shipped, `${file} imports ${chunk}`).toContain(`dist/${chunk}`);
      }
    }
  });

  it('declares what a registry page needs', () => {
    const manifest = JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as Record<string, unknown>;
    expect(manifest.license).toBe('MIT');
    expect(manifest.repository).toBeTruthy();
    expect((manifest.keywords as string[]).length).toBeGreaterThan(3);
    expect((manifest.engines as Record<string, string>).node).toMatch(/^>=20/);
    expect((manifest.scripts as Record<string, string>).prepare).toContain('build');
  });
});
