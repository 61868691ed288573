/** Windows Terminal command lines: one `wt -w 0 new-tab … ; split-pane …` opening every service's pane at once. */

/** One pane: its title, its folder, and the program with its arguments. */
export interface WindowsPane {
  title: string;
  cwd: string;
  command: string[];
}

/** wt splits its command line on `;` anywhere, even inside an argument; `\;` is a literal semicolon. */
export function wtEscape(arg: string): string {
  return arg.replaceAll(';', '\\;');
}

function paneArgs(subcommand: 'new-tab' | 'split-pane', pane: WindowsPane): string[] {
  return [subcommand, '--title', pane.title, '--suppressApplicationTitle', '-d', pane.cwd, ...pane.command].map(wtEscape);
}

/** The arguments of wt.exe for panes in window 0 (the current one): a new tab holding them all, or (newTab false) more panes in the current tab. */
export function windowsTerminalArgs(panes: readonly WindowsPane[], newTab: boolean): string[] {
  const parts = panes.map((pane, index) => paneArgs(index === 0 && newTab ? 'new-tab' : 'split-pane', pane));
  return ['-w', '0', ...parts.flatMap((part, index) => (index === 0 ? part : [';', ...part]))];
}
