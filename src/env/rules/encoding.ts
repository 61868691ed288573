/** env/encoding: .env must be UTF-8 without a byte-order mark, or readers see a different first key or nothing. */
import { type Finding, finding } from '../../report/findings.js';
import { type EnvRule, envFinding } from './context.js';
import { describeReadings } from './reading-text.js';

const hint =
  'Save .env as UTF-8 without BOM (VS Code: click the encoding in the status bar, "Save with Encoding", "UTF-8"). In PowerShell 5 use Copy-Item, not > or Out-File.';

/** Whether text read as UTF-8 is really UTF-16: a UTF-16 byte-order mark (read as two U+FFFD), or NULs in every other character. */
export function looksLikeUtf16(text: string): boolean {
  if (text.startsWith('\uFFFD\uFFFD') && text.includes('\u0000')) return true;
  const sample = text.slice(0, 256);
  let even = 0;
  let odd = 0;
  for (let index = 0; index < sample.length; index++) {
    if (sample[index] !== '\u0000') continue;
    if (index % 2 === 0) even++;
    else odd++;
  }
  const half = Math.floor(sample.length / 2);
  return half >= 4 && Math.max(even, odd) >= half * 0.9 && Math.min(even, odd) <= half * 0.1;
}

/** The 1-based numbers of the lines holding a NUL character. */
function linesWithNul(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\u0000'); at !== -1; at = text.indexOf('\u0000', at + 1)) {
    for (let newline = text.indexOf('\n', lineStart); newline !== -1 && newline < at; newline = text.indexOf('\n', lineStart)) {
      line++;
      lineStart = newline + 1;
    }
    if (lines[lines.length - 1] !== line) lines.push(line);
  }
  return lines;
}

/** The line list of a message: "line 3", "lines 3, 7 and 9", at most ten shown. */
function lineList(lines: readonly number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  const shown = lines.slice(0, 10);
  const more = lines.length > shown.length ? ` and ${lines.length - shown.length} more` : '';
  return more ? `lines ${shown.join(', ')}${more}` : `lines ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * An error for the whole file when its text (read as UTF-8) is unusable: UTF-16, which no reader understands, or
 * NUL characters, which no environment variable can hold (reported at their lines); null otherwise.
 */
export function encodingFinding(text: string, file: string): Finding | null {
  if (!text.includes('\u0000')) return null;
  if (looksLikeUtf16(text)) {
    return finding(
      'env/encoding',
      'error',
      `${file} is not UTF-8 text (it looks like UTF-16, which PowerShell 5 writes with > and Out-File) — no reader gets its keys.`,
      { hint, file },
    );
  }
  const lines = linesWithNul(text);
  return finding(
    'env/encoding',
    'error',
    `${file} has a NUL character (a zero byte) on ${lineList(lines)} — no environment variable can hold one, so Flask stops with "embedded null byte" and other readers cut the value short.`,
    {
      hint: "Delete the zero bytes (an editor showing control characters, or `tr -d '\\000' < .env > .env.clean`), and check the file was not damaged or saved as binary.",
      file,
      line: lines[0] as number,
    },
  );
}

/** An error when the file starts with a byte-order mark, saying what each reader makes of the first key. */
export const byteOrderMarkRule: EnvRule = (input) => {
  if (!input.parsed.bom) return [];
  const first = input.parsed.statements.find((statement) => statement.kind !== 'comment');
  const disagreement = input.disagreements.find((item) => item.line === first?.line);
  const readings = disagreement ? ` (${disagreement.key}): ${describeReadings(disagreement.readings, input.secretKeys.has(disagreement.key))}` : '';
  return [
    envFinding(
      input,
      'encoding',
      'error',
      1,
      `${input.files.env} starts with a byte-order mark — Vite and docker compose read it as part of the first key${readings}.`,
      hint,
    ),
  ];
};
