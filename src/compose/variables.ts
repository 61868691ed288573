/** The variables a compose file reads (`$NAME`, `${NAME}`, `${NAME:-default}`, nested), each with its line. */
import { isMap, isPair, isScalar, visit } from 'yaml';
import type { ComposeDocument } from './compose-document.js';

/** One use of a variable in the compose file. */
export interface VariableReference {
  name: string;
  line: number;
}

// `$$` is a literal dollar; `${NAME…` and `$NAME` read a variable (defaults may nest further references).
const reference = /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/g;

/** The variable names text reads, in order, with repeats; `$$` is skipped. */
export function variableNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(reference)) {
    const name = match[1] ?? match[2];
    if (name) names.push(name);
  }
  return names;
}

/** Every variable read by a string value of the document (keys are never interpolated), with the value's line. */
export function variableReferences(parsed: ComposeDocument): VariableReference[] {
  const found: VariableReference[] = [];
  visit(parsed.doc, {
    Scalar(key, node, path) {
      const parent = path[path.length - 1];
      if (key === 'key' && (isPair(parent) || isMap(parent))) return;
      if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
      const line = parsed.counter.linePos(node.range[0]).line;
      for (const name of variableNames(node.value)) found.push({ name, line });
    },
  });
  return found;
}
