/** `tovrun check env` as a pure function: .env text and template text in, findings and secrets out. */
import { type Finding, finding } from '../report/findings.js';
import { continuationLines, continuationSecrets, type SecretContinuation, secretContinuations } from './continuations.js';
import { findReaderDisagreements } from './disagreements.js';
import { secretStrings } from './mask.js';
import { invalidValueText, type ParsedEnv, parseEnv } from './parse.js';
import { type EnvReadings, readWithAllReaders } from './readers/readings.js';
import { browserRule } from './rules/browser.js';
import type { EnvRule, EnvRuleInput } from './rules/context.js';
import { byteOrderMarkRule, encodingFinding } from './rules/encoding.js';
import { keyNameRule } from './rules/key-names.js';
import { productionMarker, productionRules } from './rules/production.js';
import { readerRule } from './rules/readers.js';
import { schemaRules } from './rules/schema.js';
import { syntaxRules } from './rules/syntax.js';
import { collectSecretKeys } from './secret-keys.js';
import { type EnvSchema, parseEnvTemplate } from './template.js';

/** What the env check reads. */
export interface EnvCheckInput {
  /** The .env text, or null when there is no .env. */
  envText: string | null;
  templateText: string;
  /** Absolute template path, named in a ConfigError when the template is broken. */
  templatePath: string;
  /** Names to show for the two files (relative to the workspace root) and the root itself. */
  files: { env: string; template: string; root: string };
}

/** The check's findings, plus every secret string it saw so the caller can mask its output. */
export interface EnvCheckResult {
  findings: Finding[];
  secrets: string[];
}

const rules: EnvRule[] = [byteOrderMarkRule, ...syntaxRules, keyNameRule, ...schemaRules, readerRule, browserRule, ...productionRules];

function missingFile(input: EnvCheckInput): Finding {
  const copy = [
    `cp ${input.files.template} ${input.files.env}                (macOS, Linux, Git Bash)`,
    `Copy-Item ${input.files.template} ${input.files.env}         (PowerShell)`,
  ];
  const hint = [
    `Create it from the template, in ${input.files.root}:`,
    ...copy.map((line) => `  ${line}`),
    'then change the values you need (the template explains each one).',
  ].join('\n');
  return finding('env/missing-file', 'error', `${input.files.env} not found — tovrun, Flask, Vite and docker compose all read their settings from it.`, {
    hint,
    file: input.files.env,
  });
}

/** Every secret string any reader holds, plus the raw text of secret keys' values (even on lines Flask skips). */
function allSecrets(parsed: ParsedEnv, readings: EnvReadings, secretKeys: Set<string>, continuations: readonly SecretContinuation[]): string[] {
  const written = parsed.statements.flatMap((statement) => {
    if (statement.kind === 'entry' && statement.rawValue !== null) return [{ key: statement.key, value: statement.rawValue }];
    if (statement.kind === 'invalid' && statement.key !== null) return [{ key: statement.key, value: invalidValueText(statement) }];
    return [];
  });
  const rawSecrets = written.filter((item) => secretKeys.has(item.key)).map((item) => item.value);
  return [...rawSecrets, ...continuationSecrets(continuations), ...Object.values(readings).flatMap((reading) => secretStrings(reading.values, secretKeys))];
}

function ruleInput(parsed: ParsedEnv, schema: EnvSchema, readings: EnvReadings, input: EnvCheckInput): EnvRuleInput {
  const values = readings.flask.values;
  const statementKeys = parsed.statements.flatMap((statement) => (statement.kind !== 'comment' && statement.key !== null ? [statement.key] : []));
  const secretKeys = collectSecretKeys(schema, values, statementKeys);
  const continuations = secretContinuations(parsed, secretKeys);
  return {
    parsed,
    schema,
    readings,
    disagreements: findReaderDisagreements(parsed, readings),
    values,
    secretKeys,
    continuations,
    continuationLines: continuationLines(continuations),
    production: values.get(productionMarker.key) === productionMarker.value,
    files: { env: input.files.env, template: input.files.template },
  };
}

/** Checks .env against the template; throws a ConfigError when the template itself is broken. */
export function checkEnv(input: EnvCheckInput): EnvCheckResult {
  const schema = parseEnvTemplate(input.templateText, input.templatePath);
  if (input.envText === null) return { findings: [missingFile(input)], secrets: [] };
  const encoding = encodingFinding(input.envText, input.files.env);
  if (encoding) return { findings: [encoding], secrets: [] };
  const parsed = parseEnv(input.envText);
  const readings = readWithAllReaders(input.envText, parsed);
  const context = ruleInput(parsed, schema, readings, input);
  const findings = rules.flatMap((rule) => rule(context));
  const ok = finding(
    'env/ok',
    'ok',
    `${input.files.env} matches ${input.files.template} (${schema.keys.size} ${schema.keys.size === 1 ? 'key' : 'keys'} known, ${parsed.entries.length} set).`,
    { file: input.files.env },
  );
  return { findings: findings.length > 0 ? findings : [ok], secrets: allSecrets(parsed, readings, context.secretKeys, context.continuations) };
}
