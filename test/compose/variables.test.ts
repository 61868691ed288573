import { describe, expect, it } from 'vitest';
import { parseComposeText } from '../../src/compose/compose-document.js';
import { variableNames, variableReferences } from '../../src/compose/variables.js';

describe('variableNames', () => {
  it('finds $NAME, ${NAME}, defaults and nested references, and skips $$', () => {
    expect(variableNames('${A:-${B}} $C $$D $${E} ${F?err} plain')).toEqual(['A', 'B', 'C', 'F']);
  });
});

describe('variableReferences', () => {
  it('reads values only (never keys), each with its line', () => {
    const parsed = parseComposeText('services:\n  a:\n    image: ${IMAGE}\n    environment:\n      ${NOT_A_VALUE}: x\n      P: "$${LITERAL} ${PASS:?}"\n', 'c.yml');
    expect(variableReferences(parsed)).toEqual([
      { name: 'IMAGE', line: 3 },
      { name: 'PASS', line: 6 },
    ]);
  });
});
