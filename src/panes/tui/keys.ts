/** What each key does in the terminal UI: moves the model, or names a command the app carries out (restart, quit). */
import { parseMouse, wheelLines } from './mouse.js';
import { allView, type TuiModel } from './tui-model.js';

/** The keys the app reads (a subset of Ink's Key). */
export interface KeyPress {
  upArrow?: boolean;
  downArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  shift?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
}

/** What the app must do beyond the model: restart the focused service, stop or start it, or stop everything. */
export type KeyCommand = { kind: 'restart' | 'stop-start'; service: string } | { kind: 'quit'; interrupt: boolean } | null;

/** The help screen's lines: each key and what it does. */
export const helpLines: readonly string[] = [
  '↑/↓, j/k, Tab    focus the previous / next entry (1–9 a service, 0 all)',
  'PgUp/PgDn, wheel scroll a page (the wheel: 3 lines); Home the oldest line',
  'End              follow the newest line again',
  '/                search the focused output (Enter to find, Esc to cancel)',
  'n / N            the next older / newer line holding the search',
  'f                show only the lines holding the search (again: all lines)',
  'e                jump to the last error (traceback, Vite/esbuild error, failure)',
  'r                restart the focused service (as `tovrun restart`)',
  's                stop the focused service alone, or start it again when stopped',
  'q, Ctrl-C        stop everything and quit (a second Ctrl-C forces)',
  '?                this help (any key closes it)',
];

/** Applies a key press to the model; rows is the height of the output area (a page). Returns what the app must do. */
export function handleKey(model: TuiModel, input: string, key: KeyPress, rows: number): KeyCommand {
  if (key.ctrl && input === 'c') return { kind: 'quit', interrupt: true };
  if (model.mode === 'help') {
    model.toggleHelp();
    return null;
  }
  if (model.mode === 'search') {
    if (key.return) model.submitSearch();
    else if (key.escape) model.cancelSearch();
    else if (key.backspace || key.delete) model.editSearch(null);
    else if (input !== '' && !key.ctrl) model.editSearch(input);
    return null;
  }
  model.message = null;
  if (key.upArrow || input === 'k' || (key.tab && key.shift)) model.moveFocus(-1);
  else if (key.downArrow || input === 'j' || key.tab) model.moveFocus(1);
  else if (key.pageUp) model.scroll(-Math.max(1, rows - 1));
  else if (key.pageDown) model.scroll(Math.max(1, rows - 1));
  else if (key.home) model.home();
  else if (key.end) model.end();
  else if (/^[0-9]$/.test(input)) model.focus(Number(input));
  else if (input === '/') model.startSearch();
  else if (input === 'n') model.findNext('older');
  else if (input === 'N') model.findNext('newer');
  else if (input === 'f') model.toggleFilter();
  else if (input === 'e') model.jumpToError();
  else if (input === '?') model.toggleHelp();
  else if (input === 'q') return { kind: 'quit', interrupt: false };
  else if (input === 'r' || input === 's') {
    const what = input === 'r' ? 'restart it' : 'stop or start it';
    if (model.focused === allView) model.message = `Focus a service first (↑/↓ or 1–9) to ${what}.`;
    else return { kind: input === 'r' ? 'restart' : 'stop-start', service: model.focused };
  }
  return null;
}

/**
 * Applies what one read from the terminal held: a key, or several typed characters at once (fast typing, a paste,
 * `tmux send-keys`), each handled in turn, a carriage return or newline among them as Enter. A mouse report (see
 * mouse.ts) is never typed: the wheel scrolls, anything else is dropped.
 */
export function handleInput(model: TuiModel, input: string, key: KeyPress, rows: number): Array<Exclude<KeyCommand, null>> {
  const mouse = parseMouse(input);
  if (mouse !== null) {
    // The wheel scrolls the focused output (reaching the newest line follows again); no other mouse event does anything.
    if (mouse.kind === 'wheel' && model.mode === 'normal') model.scroll(mouse.direction === 'up' ? -wheelLines : wheelLines);
    return [];
  }
  if ([...input].length <= 1 || key.ctrl) {
    const command = handleKey(model, input, key, rows);
    return command === null ? [] : [command];
  }
  return [...input].flatMap((char) => {
    const command = char === '\r' || char === '\n' ? handleKey(model, '', { return: true }, rows) : handleKey(model, char, {}, rows);
    return command === null ? [] : [command];
  });
}
