/** Prints a report for people: one line per finding (`✗ .env:12 [env/unknown-key] ...`), its fix, a summary. */
import { type RunContext, useColor } from '../context.js';
import { type CheckStatus, countByStatus, type Finding, orderFindings, worstStatus } from '../report/findings.js';
import { type Colors, colors } from '../text/colors.js';
import { asciiSymbols, canShowUnicode, type ReportSymbols, unicodeSymbols } from './symbols.js';

/** How the report is drawn. */
export interface HumanReportStyle {
  unicode: boolean;
  color: boolean;
}

/** The style for the context's stdout: Unicode and colour only where they show. */
export function humanReportStyle(ctx: RunContext): HumanReportStyle {
  return { unicode: canShowUnicode(ctx.stdout, ctx.env, ctx.platform), color: useColor(ctx.stdout, ctx.env) };
}

function paintStatus(paint: Colors, status: CheckStatus, text: string): string {
  if (status === 'error') return paint.red(paint.bold(text));
  return status === 'warn' ? paint.yellow(paint.bold(text)) : paint.green(text);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function formatFinding(item: Finding, symbols: ReportSymbols, paint: Colors): string[] {
  const where = item.file === null ? '' : `${item.file}${item.line === null ? '' : `:${item.line}`} `;
  const dashes = (text: string) => text.replaceAll(' — ', ` ${symbols.dash} `);
  const head = `${paintStatus(paint, item.status, symbols.status[item.status])} ${paint.bold(where)}${paint.dim(`[${item.id}]`)} ${dashes(item.message)}`;
  const hint =
    item.hint === null
      ? []
      : dashes(item.hint)
          .split('\n')
          .map((line, index) => `    ${index === 0 ? `${symbols.arrow} ` : '  '}${line}`);
  return [head, ...hint.map((line) => paint.cyan(line))];
}

/** The summary line: "✗ 2 errors, 1 warning" or "✓ no problems found"; with strict, warnings fail and it says so. */
function summaryLine(findings: readonly Finding[], symbols: ReportSymbols, paint: Colors, strict: boolean): string {
  const counts = countByStatus(findings);
  const worst = worstStatus(findings);
  const status = strict && worst === 'warn' ? 'error' : worst;
  const text = counts.error + counts.warn === 0 ? 'no problems found' : `${plural(counts.error, 'error')}, ${plural(counts.warn, 'warning')}`;
  const note = strict && counts.warn > 0 ? ' (--strict: warnings fail)' : '';
  return paintStatus(paint, status, `${symbols.status[status]} ${text}${note}`);
}

/** The whole report as text, ending in a newline: findings grouped by check, each with its fix, then the summary. */
export function formatHumanReport(findings: readonly Finding[], style: HumanReportStyle, options: { strict?: boolean } = {}): string {
  const symbols = style.unicode ? unicodeSymbols : asciiSymbols;
  const paint = colors(style.color);
  const lines = orderFindings(findings).flatMap((item) => formatFinding(item, symbols, paint));
  return `${[...lines, summaryLine(findings, symbols, paint, options.strict ?? false)].join('\n')}\n`;
}
