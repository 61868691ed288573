/** Lines of keys in tovrun.yaml for error messages: in a parsed document, or read again from the file when a later check fails. */
import type { Document, LineCounter } from 'yaml';
import { readText } from '../files/read-text.js';
import { yamlModule } from '../files/yaml-module.js';

/** The 1-based line of the node at path in a parsed document (its key for unknown keys), or the nearest parent's. */
export function lineOf(doc: Document, counter: LineCounter, problemPath: (string | number)[], pointAtKey: boolean): number | undefined {
  for (let depth = problemPath.length; depth >= 0; depth--) {
    const at = problemPath.slice(0, depth);
    if (pointAtKey && depth === problemPath.length && depth > 0) {
      const parent = at.length > 1 ? doc.getIn(at.slice(0, -1), true) : doc.contents;
      const pair = (parent as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null)?.items?.find(
        (item) => item.key?.value === at[at.length - 1],
      );
      if (pair?.key?.range) return counter.linePos(pair.key.range[0]).line;
      continue;
    }
    const node = at.length === 0 ? doc.contents : doc.getIn(at, true);
    if (yamlModule().isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** A key path as it stands in tovrun.yaml: whether the user wrote it, and the line of its key (or of its nearest parent). */
export interface ConfigKey {
  written: boolean;
  line: number | undefined;
}

/**
 * Finds a key path in the config file, read and parsed again: only on the way to an error, so a run that finds nothing
 * wrong never loads the YAML parser (tovrun.yaml's parse may come from the config cache). Unreadable: not written, no line.
 */
export function findConfigKey(file: string | null, keyPath: (string | number)[]): ConfigKey {
  const text = file === null ? undefined : readText(file);
  if (text === undefined) return { written: false, line: undefined };
  const { LineCounter, parseDocument } = yamlModule();
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  return { written: doc.hasIn(keyPath), line: lineOf(doc, counter, keyPath, true) };
}
