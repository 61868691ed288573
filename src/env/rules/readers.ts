/** env/reader-disagreement: a line Flask, Vite and docker compose read differently, what each gets, how to write it. */
import { portableHint } from '../portable-hints.js';
import { type EnvRule, envFinding } from './context.js';
import { describeReadings } from './reading-text.js';

/** A warning per disagreeing line; lines Flask cannot parse at all are errors of env/unparseable-line instead. */
export const readerRule: EnvRule = (input) => {
  const invalidLines = new Set(input.parsed.statements.filter((statement) => statement.kind === 'invalid').map((statement) => statement.line));
  // A byte-order mark glues itself to the first key for Vite and compose; env/encoding reports that line.
  const bomLine = input.parsed.bom ? input.parsed.statements.find((statement) => statement.kind !== 'comment')?.line : undefined;
  return input.disagreements
    .filter((item) => !invalidLines.has(item.line) && item.line !== bomLine && !input.continuationLines.has(item.line))
    .map((item) => {
      const readings = describeReadings(item.readings, input.secretKeys.has(item.key));
      return envFinding(input, 'reader-disagreement', 'warn', item.line, `${item.key} is read differently: ${readings}.`, portableHint(item));
    });
};
