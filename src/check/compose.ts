/**
 * The compose check: the root compose file parses as YAML and every variable it interpolates is defined in
 * .env.template, it matches the Compose specification, and (with an engine) `compose config -q` accepts every profile.
 */
import type { Document, LineCounter } from 'yaml';
import { checkComposeProvider, composeConfigProblems, composeSchemaProblems, composeVariables } from '../compose/index.js';
import { composeFileMaxBytes } from '../compose/load-model.js';
import { collectComposeVariables, type VariableUse } from '../compose/variables.js';
import { createSecretMasker } from '../env/mask.js';
import { ConfigError } from '../errors.js';
import { yamlModule } from '../files/yaml-module.js';
import { parseYaml } from '../files/yaml-parse.js';
import { composeProjectName } from '../plan/compose.js';
import { type Finding, finding } from '../report/findings.js';
import { type CheckInput, type CheckResult, findingsOnly, workspacePath } from './input.js';
import { remoteEngineFindings } from './remote-engine.js';
import { profilesToCheck } from './toolchains/compose-provider.js';

/** A compose file that parsed: its document (with line lookup), source text and name for messages. */
export interface ParsedCompose {
  file: string;
  source: string;
  doc: Document;
  lines: LineCounter;
}

/** One rule over the parsed compose file. */
export type ComposeRule = (compose: ParsedCompose, input: CheckInput) => Finding[] | Promise<Finding[]>;

/** Variables provided by every shell, never expected in .env.template. */
const shellVariables = new Set(['HOME', 'PWD', 'USER']);

function variableFindings(uses: readonly VariableUse[], compose: ParsedCompose, input: CheckInput): Finding[] {
  const schema = input.facts.templateSchema();
  const template = workspacePath(input, input.workspace.envTemplateFile);
  const undefinedUses = new Map<string, VariableUse[]>();
  for (const use of uses) {
    if (shellVariables.has(use.name) || schema?.keys.has(use.name)) continue;
    undefinedUses.set(use.name, [...(undefinedUses.get(use.name) ?? []), use]);
  }
  return [...undefinedUses].map(([name, list]) => {
    const first = list[0] as VariableUse;
    const others = [...new Set(list.slice(1).map((use) => use.line))].filter((line) => line !== first.line);
    const also = others.length > 0 ? ` (also line${others.length > 1 ? 's' : ''} ${others.join(', ')})` : '';
    const where = { file: compose.file, line: first.line };
    const add = `Add ${name} to ${template} with a placeholder value and a comment saying what it is for`;
    if (list.every((use) => use.hasDefault)) {
      return finding('compose/undocumented-variable', 'warn', `${compose.file} uses \${${name}}${also} with a default, but ${template} does not define it.`, {
        ...where,
        hint: `${add}.`,
      });
    }
    return finding(
      'compose/undefined-variable',
      'error',
      `${compose.file} uses \${${name}}${also}, which ${template} does not define — compose substitutes an empty string.`,
      {
        ...where,
        hint: `${add}, or remove it from ${compose.file}.`,
      },
    );
  });
}

/** Every `${VAR}` defined in the template; values compose cannot interpolate. */
const variablesRule: ComposeRule = (compose, input) => {
  const { uses, problems } = collectComposeVariables(compose.doc, compose.lines, compose.source);
  const broken = problems.map((problem) =>
    finding('compose/interpolation', 'error', `${compose.file}: compose cannot interpolate this value (${problem.message}).`, {
      file: compose.file,
      line: problem.line,
      hint: 'Write variables as ${NAME} or ${NAME:-default}, and a literal $ as $$.',
    }),
  );
  const missing = variableFindings(uses, compose, input);
  if (broken.length + missing.length > 0) return [...broken, ...missing];
  const count = new Set(uses.map((use) => use.name).filter((name) => !shellVariables.has(name))).size;
  return [
    finding(
      'compose/ok',
      'ok',
      `${compose.file} parses, and the ${count} variable${count === 1 ? '' : 's'} it uses ${count === 1 ? 'is' : 'are'} defined in ${workspacePath(input, input.workspace.envTemplateFile)}.`,
      { file: compose.file },
    ),
  ];
};

/** The file against the Compose specification's JSON Schema (after interpolating from .env), and keys docker-compose v1 rejects. */
const schemaRule: ComposeRule = (compose, input) => composeSchemaProblems(compose.source, compose.file, input.facts.envValues().values);

/** When profiles are configured or requested and an engine runs: `compose config -q` for the default profile and each of them. */
const configRule: ComposeRule = async (compose, input) => {
  if (profilesToCheck(input).length === 0) return [];
  // An engine address docker would refuse is reported by toolchains/compose-provider; here it only skips `config -q`.
  const check = await checkComposeProvider(input.effects.runner, input.platform.os, input.env).catch(() => null);
  if (!check?.ok) return [];
  const variables = composeVariables(input.workspace, input.env);
  const env = input.facts.envValues();
  const envFile = env.found ? input.workspace.envFile : null;
  const project = { file: input.workspace.composeFile, name: composeProjectName(variables.values, input.workspace.composeFile), envFile, profiles: [] };
  const mask = createSecretMasker(env.values, env.secretKeys);
  return composeConfigProblems(input.effects.runner, check.provider, {
    project,
    profiles: profilesToCheck(input),
    displayFile: compose.file,
    env: { ...input.env, ...variables.dotEnv },
    mask,
  });
};

/** With a remote engine: the folders delivered to it, and bind mounts and host.docker.internal that cannot work there. */
const remoteRule: ComposeRule = (compose, input) => remoteEngineFindings(compose.file, input);

/** The rules run over a compose file that parsed, in order. */
export const composeRules: ComposeRule[] = [variablesRule, schemaRule, configRule, remoteRule];

/** Parses the compose text; a finding with the line of the first YAML error when it does not parse. */
export function parseCompose(source: string, file: string): ParsedCompose | Finding {
  const { doc, counter: lines, error } = parseYaml(source);
  if (error) {
    return finding('compose/syntax', 'error', `${file} is not valid YAML: ${error.message}`, {
      file,
      line: error.line,
      hint: 'Fix the YAML at that line (indentation, a missing colon or quote, a key written twice).',
    });
  }
  if (!yamlModule().isMap(doc.contents))
    return finding('compose/syntax', 'error', `${file} is not a compose file: its top level is not a mapping of keys such as services:.`, {
      file,
      line: 1,
      hint: 'Start the file with `services:`.',
    });
  return { file, source, doc, lines };
}

/** Parses the workspace's compose file and runs every rule; an ok note when the workspace has none. */
export async function checkCompose(input: CheckInput): Promise<CheckResult> {
  const file = workspacePath(input, input.workspace.composeFile);
  let source: string | undefined;
  try {
    source = input.effects.files.readText(input.workspace.composeFile, { label: file, maxBytes: composeFileMaxBytes });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return findingsOnly([finding('compose/unreadable', 'error', error.message, { file, ...(error.hint === undefined ? {} : { hint: error.hint }) })]);
  }
  if (source === undefined) return findingsOnly([finding('compose/no-file', 'ok', `no ${file} in the workspace; nothing to check.`)]);
  const parsed = parseCompose(source, file);
  if ('id' in parsed) return findingsOnly([parsed]);
  const results = await Promise.all(composeRules.map((rule) => rule(parsed, input)));
  return findingsOnly(results.flat());
}
