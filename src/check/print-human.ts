/** Prints a report for people: one line per finding (`✗ .env:12 [env/unknown-key] ...`), its fix, a summary. */
import { Chalk, type ChalkInstance } from 'chalk';
import { useColor, type RunContext } from '../context.js';
import { countByStatus, orderFindings, worstStatus, type CheckStatus, type Finding } from './report.js';
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
  const dashes = (text: string) => text.replaceAll(' — ', ` ${symbols.dash} `);
  const head = `${paintStatus(chalk, item.status, symbols.status[item.status])} ${chalk.bold(where)}${chalk.dim(`[${item.id}]`)} ${dashes(item.message)}`;
  const hint = item.hint === null ? [] : dashes(item.hint).split('\n').map((line, index) => `    ${index === 0 ? `${symbols.arrow} ` : '  '}${line}`);
  return [head, ...hint.map((line) => chalk.cyan(line))];
}

/** The summary line: "✗ 2 errors, 1 warning" or "✓ no problems found"; with strict, warnings fail and it says so. */
function summaryLine(findings: readonly Finding[], symbols: ReportSymbols, chalk: ChalkInstance, strict: boolean): string {
  const counts = countByStatus(findings);
  const worst = worstStatus(findings);
  const status = strict && worst === 'warn' ? 'error' : worst;
  const text = counts.error + counts.warn === 0 ? 'no problems found' : `${plural(counts.error, 'error')}, ${plural(counts.warn, 'warning')}`;
  const note = strict && counts.warn > 0 ? ' (--strict: warnings fail)' : '';
  return paintStatus(chalk, status, `${symbols.status[status]} ${text}${note}`);
}

/** The whole report as text, ending in a newline: findings grouped by check, each with its fix, then the summary. */
export function formatHumanReport(findings: readonly Finding[], style: HumanReportStyle, options: { strict?: boolean } = {}): string {
  const symbols = style.unicode ? unicodeSymbols : asciiSymbols;
  const chalk = new Chalk({ level: style.color ? 1 : 0 });
  const lines = orderFindings(findings).flatMap((item) => formatFinding(item, symbols, chalk));
  return `${[...lines, summaryLine(findings, symbols, chalk, options.strict ?? false)].join('\n')}\n`;
}
