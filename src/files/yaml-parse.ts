/** Parsing the YAML files tovrun reads (tovrun.yaml, compose files) with line numbers, in time linear in their size. */
import type { Document, LineCounter } from 'yaml';
import { firstDuplicateKey } from './yaml-guards.js';
import { yamlModule } from './yaml-module.js';

/** A parsed YAML text: the document, its line counter, and its first error (a syntax error or a key written twice) with its line. */
export interface ParsedYaml {
  doc: Document;
  counter: LineCounter;
  error: { message: string; line: number } | null;
}

/**
 * Parses text; never throws. Keys written twice in one mapping are found by firstDuplicateKey (linear) instead of the
 * yaml package's uniqueKeys check, which compares each key with every earlier one (a 250,000-key map took minutes).
 */
export function parseYaml(text: string, options: { merge?: boolean } = {}): ParsedYaml {
  const { LineCounter, parseDocument } = yamlModule();
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false, ...(options.merge ? { merge: true } : {}) });
  const syntax = doc.errors[0];
  if (syntax) return { doc, counter, error: { message: syntax.message.split('\n')[0] ?? syntax.message, line: counter.linePos(syntax.pos[0]).line } };
  const duplicate = firstDuplicateKey(doc, counter);
  return { doc, counter, error: duplicate ? { message: `the key "${duplicate.key}" is written twice in one mapping`, line: duplicate.line } : null };
}
