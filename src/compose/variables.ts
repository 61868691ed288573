/** The variables a compose file interpolates (`${VAR}`, `${VAR:-default}`, `$VAR`), with their lines, read as compose reads them. */
import type { Document, LineCounter } from 'yaml';
import { interpolateCompose } from '../env/readers/compose-interpolation.js';
import { escapeRegex } from '../env/regex.js';
import { yamlModule } from '../files/yaml-module.js';

/** Where a variable is used. */
export interface VariableUse {
  name: string;
  line: number;
  /** True when every use there has a fallback (`${VAR:-x}`, `${VAR-x}`, `${VAR:+x}`), so compose works without it. */
  hasDefault: boolean;
}

/** A value compose would refuse to interpolate. */
export interface InterpolationProblem {
  line: number;
  message: string;
}

function everyUseHasDefault(name: string, text: string): boolean {
  const uses = text.match(new RegExp(String.raw`\$\{?${escapeRegex(name)}(?![A-Za-z0-9_])`, 'g'))?.length ?? 0;
  const guarded = text.match(new RegExp(String.raw`\$\{${escapeRegex(name)}:?[-+]`, 'g'))?.length ?? 0;
  return uses > 0 && uses === guarded;
}

function lineOfName(name: string, source: string, start: number, end: number, counter: LineCounter): number {
  const at = source.slice(start, end).search(new RegExp(String.raw`\$\{?${escapeRegex(name)}(?![A-Za-z0-9_])`));
  return counter.linePos(start + Math.max(at, 0)).line;
}

/** Every variable used in the values (not the keys) of a parsed compose file, and the values compose cannot interpolate. */
export function collectComposeVariables(doc: Document, counter: LineCounter, source: string): { uses: VariableUse[]; problems: InterpolationProblem[] } {
  const uses: VariableUse[] = [];
  const problems: InterpolationProblem[] = [];
  const { isScalar, visit } = yamlModule();
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || !isScalar(node) || typeof node.value !== 'string' || !node.value.includes('$')) return;
      const text = node.value;
      const [start, end] = node.range ?? [0, 0];
      const names = new Set<string>();
      const result = interpolateCompose(text, (name) => {
        names.add(name);
        return 'set';
      });
      if (!result.ok) problems.push({ line: counter.linePos(start).line, message: result.error });
      for (const name of names) uses.push({ name, line: lineOfName(name, source, start, end, counter), hasDefault: everyUseHasDefault(name, text) });
    },
  });
  return { uses, problems };
}
