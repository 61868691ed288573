import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { collectComposeVariables } from '../../src/compose/variables.js';

describe('collectComposeVariables', () => {
  it('finds ${VAR}, ${VAR:-default}, $VAR and nested defaults in values, with lines; skips $$ and keys', () => {
    const source =
      'services:\n  db:\n    image: "postgres:${TAG:-15}"\n    environment:\n      A: $USER_NAME\n      B: "$$NOT_A_VAR ${OUTER:-${INNER}}"\n      ${NOT_A_KEY}: x\n    command: |\n      first\n      echo ${IN_BLOCK}\n';
    const counter = new LineCounter();
    const { uses, problems } = collectComposeVariables(parseDocument(source, { lineCounter: counter }), counter, source);
    expect(uses).toEqual([
      { name: 'TAG', line: 3, hasDefault: true },
      { name: 'USER_NAME', line: 5, hasDefault: false },
      { name: 'OUTER', line: 6, hasDefault: true },
      { name: 'INNER', line: 6, hasDefault: false },
      { name: 'IN_BLOCK', line: 10, hasDefault: false },
    ]);
    expect(problems).toEqual([]);
  });
});
