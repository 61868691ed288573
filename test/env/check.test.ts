import { describe, expect, it } from 'vitest';
import { checkEnv } from '../../src/env/check.js';
import { ConfigError } from '../../src/errors.js';

const files = { env: '.env', template: '.env.template', root: '/ws' };

describe('checkEnv', () => {
  it('reports one finding, with the copy commands, when there is no .env', () => {
    const { findings } = checkEnv({ envText: null, templateText: 'A=1\n', templatePath: '/ws/.env.template', files });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'env/missing-file', status: 'error', file: '.env', line: null });
    expect(findings[0]?.hint).toMatch(/cp \.env\.template \.env[\s\S]*Copy-Item \.env\.template \.env/);
  });

  it('checks the template first: a broken one throws a ConfigError even without .env', () => {
    expect(() => checkEnv({ envText: null, templateText: '# @bogus\nA=1\n', templatePath: '/ws/.env.template', files })).toThrow(ConfigError);
  });

  it('reports an ok finding when nothing is wrong', () => {
    const { findings } = checkEnv({ envText: 'A=2\n', templateText: 'A=1\n', templatePath: '/t', files });
    expect(findings).toEqual([expect.objectContaining({ id: 'env/ok', status: 'ok' })]);
  });

  it('reports UTF-16 alone (nothing else can be read)', () => {
    const { findings } = checkEnv({ envText: Buffer.from('\uFEFFA=1\r\n', 'utf16le').toString('utf8'), templateText: 'A=1\n', templatePath: '/t', files });
    expect(findings.map((item) => item.id)).toEqual(['env/encoding']);
  });

  it("returns every secret string any reader holds, even on lines Flask skips, so the caller can mask them", () => {
    const { secrets } = checkEnv({ envText: 'DB_PASSWORD="skipped-secret"x\nAPI_TOKEN=pa$rt\n', templateText: '', templatePath: '/t', files });
    expect(secrets).toEqual(expect.arrayContaining(['"skipped-secret"x', 'skipped-secret', 'pa$rt', 'pa']));
  });
});
