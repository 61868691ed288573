// The validators compiled ahead (src/workspace/tovrun-schema.validate.ts, src/compose/compose-schema.validate.ts) are
// exactly what their schemas in templates/ compile to: a schema edited without `npm run build` fails here.
import { describe, expect, it } from 'vitest';
import { compiledSchemas, generatedModule, staleModules } from '../../scripts/compile-schemas.mjs';

describe('scripts/compile-schemas.mjs', () => {
  it('left every generated validator in step with its schema', () => {
    expect(staleModules().map((entry: { module: string }) => entry.module)).toEqual([]);
  });

  it('generates code that needs no ajv compiler at run time, only its runtime helpers', () => {
    for (const entry of compiledSchemas) {
      const code = generatedModule(entry);
      expect(code).not.toMatch(/from 'ajv'|require\('ajv'\)|new Ajv/);
      expect([...code.matchAll(/require\('([^']+)'\)/g)].map((match) => match[1])).toEqual(
        expect.arrayContaining([expect.stringMatching(/^ajv\/dist\/runtime\//)]),
      );
    }
  });
});
