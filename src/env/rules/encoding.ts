/** env/encoding: .env must be UTF-8 without a byte-order mark, or readers see a different first key or nothing. */
import { finding, type Finding } from '../../check/report.js';
import { envFinding, type EnvRule } from './context.js';
import { describeReadings } from './reading-text.js';

const hint = 'Save .env as UTF-8 without BOM (VS Code: click the encoding in the status bar, "Save with Encoding", "UTF-8"). In PowerShell 5 use Copy-Item, not > or Out-File.';

/** An error when the text (read as UTF-8) is really UTF-16, which no reader understands; null otherwise. */
export function utf16Finding(text: string, file: string): Finding | null {
  if (!text.includes('\u0000')) return null;
  return finding('env/encoding', 'error', `${file} is not UTF-8 text (it looks like UTF-16, which PowerShell 5 writes with > and Out-File) — no reader gets its keys.`, { hint, file });
}

/** An error when the file starts with a byte-order mark, saying what each reader makes of the first key. */
export const byteOrderMarkRule: EnvRule = (input) => {
  if (!input.parsed.bom) return [];
  const first = input.parsed.statements.find((statement) => statement.kind !== 'comment');
  const disagreement = input.disagreements.find((item) => item.line === first?.line);
  const readings = disagreement ? ` (${disagreement.key}): ${describeReadings(disagreement.readings, input.secretKeys.has(disagreement.key))}` : '';
  return [envFinding(input, 'encoding', 'error', 1, `${input.files.env} starts with a byte-order mark — Vite and docker compose read it as part of the first key${readings}.`, hint)];
};
