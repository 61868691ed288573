import { describe, expect, it } from 'vitest';
import { formatGitHubAnnotations } from '../../src/check/print-github.js';
import { formatHumanReport } from '../../src/check/print-human.js';
import { formatJsonReport } from '../../src/check/print-json.js';
import { checkEnv } from '../../src/env/check.js';
import { maskerForSecrets } from '../../src/env/mask.js';
import { ConfigError } from '../../src/errors.js';
import { maskFindings } from '../../src/report/findings.js';

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

  it('returns every secret string any reader holds, even on lines Flask skips, so the caller can mask them', () => {
    const { secrets } = checkEnv({ envText: 'DB_PASSWORD="skipped-secret"x\nAPI_TOKEN=pa$rt\n', templateText: '', templatePath: '/t', files });
    expect(secrets).toEqual(expect.arrayContaining(['"skipped-secret"x', 'skipped-secret', 'pa$rt', 'pa']));
  });

  it('returns the text of lines continuing a secret, so every report format masks it, however short', () => {
    const envText = 'SECRET_KEY=-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq\nxyz\n-----END PRIVATE KEY-----\nPORT=xyz\n';
    const { findings, secrets } = checkEnv({ envText, templateText: '# @secret\nSECRET_KEY=x\n# @type=port\nPORT=1\n', templatePath: '/t', files });
    expect(secrets).toEqual(expect.arrayContaining(['MIIEvQIBADANBgkq', 'xyz']));
    const masked = maskFindings(
      findings.map((item) => ({ ...item, durationMs: 1 })),
      maskerForSecrets(secrets),
    );
    const outputs = [formatHumanReport(masked, { unicode: true, color: false }), formatJsonReport(masked), formatGitHubAnnotations(masked, { root: '/ws' })];
    for (const output of outputs) {
      expect(output).not.toMatch(/MIIEvQIBADANBgkq|MIIEVQIBADANBGKQ|\bxyz\b/i);
      expect(output).toContain('env/secret-continuation');
    }
    expect(outputs[1]).toContain('found \\"***\\"');
  });

  it('gives lines continuing a secret only their own finding: no unknown, duplicate or missing key, no reader disagreement about them', () => {
    const body = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC';
    const envText = `SECRET_KEY=-----BEGIN PRIVATE KEY-----\n${body}\n${body}\nQUJD==\n-----END PRIVATE KEY-----\n`;
    const { findings } = checkEnv({
      envText,
      templateText: '# @secret\nSECRET_KEY=x\n# @required\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC=x\n',
      templatePath: '/t',
      files,
    });
    const onContinuation = findings.filter((item) => item.line !== undefined && item.line >= 2 && item.line <= 5);
    expect(onContinuation.map((item) => item.id)).toEqual(['env/secret-continuation']);
    // A key the template requires is not set by a line that only continues a secret's value.
    expect(findings.map((item) => item.id)).toContain('env/missing-key');
  });
});
