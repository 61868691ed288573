/** Guards for YAML files tovrun reads (tovrun.yaml, compose files): plain scalar keys, each once per mapping, and no alias inside its own anchor. */
import type { Document, LineCounter } from 'yaml';
import { yamlModule } from './yaml-module.js';

/** The 1-based line of the first mapping key that is a collection (`? [a, b]: x`), or null when every key is a scalar. */
export function firstCollectionKeyLine(doc: Document, counter: LineCounter): number | null {
  const { isMap, isScalar, visit } = yamlModule();
  let line: number | null = null;
  visit(doc, {
    Map(_key, node) {
      if (!isMap(node)) return undefined;
      const bad = node.items.find((pair) => pair.key !== null && !isScalar(pair.key));
      if (!bad) return undefined;
      const range = (bad.key as { range?: [number, number, number] }).range;
      line = range ? counter.linePos(range[0]).line : 1;
      return visit.BREAK;
    },
  });
  return line;
}

/** A key written twice in one mapping: its 1-based line (of the second) and its text, cut to 60 characters. */
export interface DuplicateKey {
  line: number;
  key: string;
}

/**
 * The first scalar key written twice in one mapping, found in linear time: parse with `uniqueKeys: false` and call this,
 * because the yaml package's own check compares each key with every earlier one (a 250,000-key map took minutes).
 */
export function firstDuplicateKey(doc: Document, counter: LineCounter): DuplicateKey | null {
  const { isMap, isScalar, visit } = yamlModule();
  let found: DuplicateKey | null = null;
  visit(doc, {
    Map(_key, node) {
      if (!isMap(node)) return undefined;
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        if (!seen.has(pair.key.value)) {
          seen.add(pair.key.value);
          continue;
        }
        const text = String(pair.key.value);
        const range = pair.key.range;
        found = { line: range ? counter.linePos(range[0]).line : 1, key: text.length > 60 ? `${text.slice(0, 40)}…` : text };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Whether a value from toJS refers to itself (`x: &a [*a]`), which would send any walk over it round forever. */
export function isCircular(value: unknown, ancestors: Set<unknown> = new Set()): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (ancestors.has(value)) return true;
  ancestors.add(value);
  const children = value instanceof Map ? [...value.values()] : Object.values(value);
  const circular = children.some((child) => isCircular(child, ancestors));
  ancestors.delete(value);
  return circular;
}
