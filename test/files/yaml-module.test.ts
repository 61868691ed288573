import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { vendoredYamlFile, yamlModule } from '../../src/files/yaml-module.js';

describe('yamlModule', () => {
  it('loads one copy, the one-file build when `npm run build` made it, and it parses', () => {
    const yaml = yamlModule();
    expect(yamlModule()).toBe(yaml);
    expect(yaml.parse('a: [1, 2]\n')).toEqual({ a: [1, 2] });
    // The test setup builds, so the vendored copy exists and is the one loaded.
    expect(existsSync(vendoredYamlFile)).toBe(true);
    expect(createRequire(import.meta.url).cache[vendoredYamlFile]?.exports).toBe(yaml);
  });
});
