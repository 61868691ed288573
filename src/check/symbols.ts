/** The status marks a report uses: Unicode where the terminal can show it, plain words otherwise. */
import type { Output } from '../context.js';
import type { CheckStatus } from '../report/findings.js';

/** Marks for statuses and the fix arrow. */
export interface ReportSymbols {
  status: Record<CheckStatus, string>;
  arrow: string;
  dash: string;
}

/** ✓ ! ✗ →. */
export const unicodeSymbols: ReportSymbols = { status: { ok: '✓', warn: '!', error: '✗' }, arrow: '→', dash: '—' };
/** ok warn FAIL ->. */
export const asciiSymbols: ReportSymbols = { status: { ok: 'ok', warn: 'warn', error: 'FAIL' }, arrow: '->', dash: '--' };

/** Whether output is a terminal that shows Unicode: pipes and files get ASCII, and so do old Windows consoles. */
export function canShowUnicode(output: Output, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  if (!output.isTTY) return false;
  if (platform === 'win32') return Boolean(env.WT_SESSION || env.TERM_PROGRAM === 'vscode' || env.ConEmuTask || env.TERM === 'xterm-256color');
  return env.TERM !== 'linux' && env.TERM !== 'dumb';
}
