/** Prints a report for people: one line per finding (`✗ .env:12 [env/unknown-key] ...`), its fix, a summary. */
import { Chalk, type ChalkInstance } from 'chalk';
import { useColor, type RunContext } from '../context.js';
import { countByStatus, sortFindings, worstStatus, type CheckStatus, type Finding } from './report.js';
import { asciiSymbols, canShowUnicode, unicodeSymbols, type ReportSymbols } from './symbols.js';

/** How the report is drawn. */
export interface HumanReportStyle {
  unicode: boolean;
  color: boolean;
}

/** The style for the context's stdout: Unicode and colour only where they show. */
export function humanReportStyle(ctx: RunContext): HumanReportStyle {
  return { unicode: canShowUnicode(ctx.stdout, ctx.env, ctx.platform), color: useColor(ctx.stdout, ctx.env) };
}

function paintStatus(chalk: ChalkInstance, status: CheckStatus, text: string): string {
  if (status === 'error') return chalk.red.bold(text);
  return status === 'warn' ? chalk.yellow.bold(text) : chalk.green(text);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function formatFinding(item: Finding, symbols: ReportSymbols, chalk: ChalkInstance): string[] {
  const where = item.file === null ? '' : `${item.file}${item.line === null ? '' : `:${item.line}`} `;
  const message = item.message.replaceAll(' — ', ` ${symbols.dash} `);
  const head = `${paintStatus(chalk, item.status, symbols.status[item.status])} ${chalk.bold(where)}${chalk.dim(`[${item.id}]`)} ${message}`;
  const hint = item.hint === null ? [] : item.hint.split('\n').map((line, index) => `    ${index === 0 ? `${symbols.arrow} ` : '  '}${line}`);
  return [head, ...hint.map((line) => chalk.cyan(line))];
}

/** The summary line: "✗ 2 errors, 1 warning" or "✓ no problems". */
function summaryLine(findings: readonly Finding[], symbols: ReportSymbols, chalk: ChalkInstance): string {
  const counts = countByStatus(findings);
  const status = worstStatus(findings);
  const text = counts.error + counts.warn === 0 ? 'no problems found' : `${plural(counts.error, 'error')}, ${plural(counts.warn, 'warning')}`;
  return paintStatus(chalk, status, `${symbols.status[status]} ${text}`);
}

/** The whole report as text, ending in a newline. */
export function formatHumanReport(findings: readonly Finding[], style: HumanReportStyle): string {
  const symbols = style.unicode ? unicodeSymbols : asciiSymbols;
  const chalk = new Chalk({ level: style.color ? 1 : 0 });
  const lines = sortFindings(findings).flatMap((item) => formatFinding(item, symbols, chalk));
  return `${[...lines, summaryLine(findings, symbols, chalk)].join('\n')}\n`;
}
