/** hygiene/template-secret: .env.template (committed) holds placeholders only, never a value that looks like a real secret. */
import { looksLikeSecretValue, weakSecretReason } from '../../env/secrets.js';
import type { KeySpec } from '../../env/template.js';
import { finding } from '../../report/findings.js';
import { type CheckInput, type CheckResult, workspacePath } from '../input.js';

/** Whether a template value looks real: a secret key's or credential-shaped value that is no placeholder, nor short or common. */
export function looksLikeRealSecret(spec: Pick<KeySpec, 'secret' | 'example'>): boolean {
  if (spec.example === '') return false;
  if (!spec.secret && !looksLikeSecretValue(spec.example)) return false;
  return weakSecretReason(spec.example, '') === null;
}

/** One error per real-looking secret (its value masked everywhere), or one ok; nothing without a template. */
export function templateSecretFindings(input: CheckInput): CheckResult {
  const schema = input.facts.templateSchema();
  if (!schema) return { findings: [], secrets: [] };
  const file = workspacePath(input, input.workspace.envTemplateFile);
  const real = [...schema.keys.values()].filter(looksLikeRealSecret);
  if (real.length === 0) return { findings: [finding('hygiene/template-secrets', 'ok', `${file} holds no real-looking secret.`, { file })], secrets: [] };
  const findings = real.map((spec) =>
    finding(
      'hygiene/template-secret',
      'error',
      `${spec.key} in ${file} looks like a real secret — the template is committed, so everyone with the repository has it.`,
      {
        file,
        line: spec.line,
        hint: `Replace the value with a placeholder (such as dev-only-change-me), and change the real secret wherever it is used: the git history keeps it.`,
      },
    ),
  );
  return { findings, secrets: real.map((spec) => spec.example) };
}
