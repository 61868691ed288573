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
 * The first scalar key written twice in one mapping, found in linear time (a Set per mapping, and a walk with its own
 * stack, since the yaml package's visit copies the path at every node): parse with `uniqueKeys: false` and call this,
 * because the yaml package's own check compares each key with every earlier one (a 250,000-key map took minutes).
 */
export function firstDuplicateKey(doc: Document, counter: LineCounter): DuplicateKey | null {
  const { isMap, isSeq, isScalar } = yamlModule();
  let first: { offset: number; key: string } | null = null;
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isSeq(node)) for (const item of node.items) pending.push(item);
    if (!isMap(node)) continue;
    const seen = new Set<unknown>();
    for (const pair of node.items) {
      pending.push(pair.value);
      if (!isScalar(pair.key)) {
        pending.push(pair.key);
        continue;
      }
      if (!seen.has(pair.key.value)) {
        seen.add(pair.key.value);
        continue;
      }
      const offset = pair.key.range?.[0] ?? 0;
      if (!first || offset < first.offset) first = { offset, key: String(pair.key.value) };
    }
  }
  if (!first) return null;
  return { line: counter.linePos(first.offset).line, key: first.key.length > 60 ? `${first.key.slice(0, 40)}…` : first.key };
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
