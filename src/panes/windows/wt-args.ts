/** Windows Terminal command lines: one `wt -w 0 new-tab … ; split-pane …` opening every service's pane at once. */

/** One pane: its title, its folder, and the program with its arguments. */
export interface WindowsPane {
  title: string;
  cwd: string;
  command: string[];
}

/**
 * The most panes tovrun puts in one tab. Windows Terminal silently ignores a split-pane that would leave either half
 * smaller than its minimum of one character cell (microsoft/terminal: TerminalPage::_SplitPane returns when
 * Tab::PreCalculateCanSplit finds no room), and `split-pane` halves the focused pane unless told `--size`: in a tab of the default 120×30 cells, four panes still fit
 * even when each split halves the last one (15, 7, 3 rows), a fifth or sixth may not. So the rest go to a new tab.
 */
export const panesPerTab = 4;

/** Where one pane goes: a new tab, or a split of the focused pane taking `size` (0..1) of it (null: wt's default half). */
export type PanePlace = { kind: 'new-tab' } | { kind: 'split-pane'; size: number | null };

/** wt splits its command line on `;` anywhere, even inside an argument; `\;` is a literal semicolon. */
export function wtEscape(arg: string): string {
  return arg.replaceAll(';', '\\;');
}

/**
 * The places of count new panes when the current tab already holds panesInTab of tovrun's (0: no tab yet): splits of
 * that tab while it has room, then new tabs of at most panesPerTab panes. A new tab's splits get equal shares
 * (`split-pane --size` is the new pane's part of the pane it splits: 3/4, 2/3, 1/2 for four panes).
 */
export function paneLayout(count: number, panesInTab: number): PanePlace[] {
  const places: PanePlace[] = [];
  let inTab = panesInTab;
  let tabSize = 0;
  for (let index = 0; index < count; index++) {
    if (inTab === 0 || inTab >= panesPerTab) {
      places.push({ kind: 'new-tab' });
      tabSize = Math.min(panesPerTab, count - index);
      inTab = 1;
      continue;
    }
    const remaining = tabSize - inTab;
    places.push({ kind: 'split-pane', size: tabSize === 0 ? null : Math.round((remaining / (remaining + 1)) * 1000) / 1000 });
    inTab++;
  }
  return places;
}

/** How many of tovrun's panes the current tab holds after count more were placed by paneLayout. */
export function panesInTabAfter(count: number, panesInTab: number): number {
  const places = paneLayout(count, panesInTab);
  const lastTab = places.map((place) => place.kind).lastIndexOf('new-tab');
  return lastTab === -1 ? panesInTab + places.length : places.length - lastTab;
}

function paneArgs(place: PanePlace, pane: WindowsPane): string[] {
  const size = place.kind === 'split-pane' && place.size !== null ? ['--size', String(place.size)] : [];
  return [place.kind, ...size, '--title', pane.title, '--suppressApplicationTitle', '-d', pane.cwd, ...pane.command].map(wtEscape);
}

/** The arguments of wt.exe for panes in window 0 (the current one), placed by paneLayout after panesInTab existing ones. */
export function windowsTerminalArgs(panes: readonly WindowsPane[], panesInTab: number): string[] {
  const places = paneLayout(panes.length, panesInTab);
  const parts = panes.map((pane, index) => paneArgs(places[index] as PanePlace, pane));
  return ['-w', '0', ...parts.flatMap((part, index) => (index === 0 ? part : [';', ...part]))];
}
