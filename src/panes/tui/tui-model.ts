/**
 * The terminal UI's model, without a terminal: each service's rows and scrollback, the merged "all" view, focus,
 * scrolling (End follows again), search with n/N, the filter and the jump to the last error. The view only reads it.
 */
import { plainText } from '../../text/ansi.js';
import { type ErrorBlock, lastErrorBlock } from '../../text/error-blocks.js';
import { defaultScrollbackLines, Scrollback, type ScrollLine } from './scrollback.js';
import { findMatch, lineMatches } from './search.js';
import { ServiceRows } from './service-rows.js';

/** The name of the merged view, first in the list. */
export const allView = 'all';

/** What the keys go to: the list and output, the search prompt, or the help screen. */
export type InputMode = 'normal' | 'search' | 'help';

/** A line on screen: its absolute index in the focused scrollback, and the line. */
export interface VisibleLine extends ScrollLine {
  index: number;
}

/** Options of a TuiModel. */
export interface TuiModelOptions {
  /** Native services, in start order. */
  services: readonly string[];
  /** Compose services (listed first). */
  compose?: readonly string[];
  /** Lines kept per view (10,000 by default). */
  scrollbackLines?: number;
}

/** A view's position: null follows the newest line; a number keeps that line at the bottom. */
type Anchor = number | null;

/** The whole UI state, changed by the sink (lines) and by keys (focus, scroll, search). */
export class TuiModel {
  /** The side list's rows. */
  readonly rows: ServiceRows;
  /** The views in list order: "all", then each service. */
  readonly views: string[];
  private readonly buffers = new Map<string, Scrollback>();
  private readonly anchors = new Map<string, Anchor>();
  private focusIndex = 0;
  /** What keys go to now. */
  mode: InputMode = 'normal';
  /** The search being typed (mode 'search') or the last one submitted. */
  query = '';
  /** The submitted search; lines holding it are highlighted, and with the filter on only they show. */
  search = '';
  /** Only lines matching the search show. */
  filter = false;
  /** A short message on the status line (no match, no error found). */
  message: string | null = null;
  /** The error block `e` jumped to, highlighted. */
  marked: ErrorBlock | null = null;

  constructor(options: TuiModelOptions) {
    const compose = options.compose ?? [];
    this.rows = new ServiceRows(options.services, compose);
    this.views = [allView, ...compose, ...options.services];
    for (const view of this.views) {
      this.buffers.set(view, new Scrollback(options.scrollbackLines ?? defaultScrollbackLines));
      this.anchors.set(view, null);
    }
  }

  /** Adds a block of lines (joined by '\n') a service printed, or one line tovrun said about it, to its view and to "all". */
  add(service: string, block: string, notice = false): void {
    let own = this.buffers.get(service);
    if (!own) {
      own = new Scrollback(this.buffer(allView).capacity);
      this.buffers.set(service, own);
      this.anchors.set(service, null);
      this.views.push(service);
    }
    const all = this.buffer(allView);
    for (const text of block.split('\n')) {
      own.add(text, service, notice);
      all.add(text, service, notice);
    }
  }

  /** Adds lines tovrun says about the whole run (the install, the ready summary) to the "all" view only. */
  announce(block: string): void {
    const all = this.buffer(allView);
    for (const text of block.split('\n')) all.add(text, 'tovrun', true);
  }

  /** The focused view's name ("all" or a service). */
  get focused(): string {
    return this.views[this.focusIndex] ?? allView;
  }

  /** The scrollback of a view. */
  buffer(view: string): Scrollback {
    return this.buffers.get(view) as Scrollback;
  }

  /** Focuses the view at a list position (0 is "all"); out of range is ignored. */
  focus(index: number): void {
    if (index < 0 || index >= this.views.length) return;
    this.focusIndex = index;
    this.marked = null;
  }

  /** Focuses the next (+1) or previous (-1) view, wrapping around. */
  moveFocus(step: number): void {
    this.focus((this.focusIndex + step + this.views.length) % this.views.length);
  }

  /** Whether the focused view follows new lines. */
  get following(): boolean {
    return this.anchors.get(this.focused) === null;
  }

  /** Scrolls the focused view by lines (negative: up, older); reaching the newest line follows again. */
  scroll(lines: number): void {
    const buffer = this.buffer(this.focused);
    let at = this.bottom();
    for (let left = Math.abs(lines); left > 0; left -= 1) {
      const next = this.step(buffer, at, lines < 0 ? -1 : 1);
      if (next === null) break;
      at = next;
    }
    this.anchors.set(this.focused, at >= this.lastShown(buffer) ? null : at);
  }

  /** Home: the oldest kept line at the top (scrolled as far up as it goes). */
  home(): void {
    const buffer = this.buffer(this.focused);
    this.scroll(-buffer.size);
  }

  /** End: follows the newest line again. */
  end(): void {
    this.anchors.set(this.focused, null);
    this.marked = null;
  }

  /** Opens the search prompt (the previous query is kept for editing). */
  startSearch(): void {
    this.mode = 'search';
    this.query = '';
    this.message = null;
  }

  /** Types into the search prompt (text), or erases its last character (null). */
  editSearch(text: string | null): void {
    this.query = text === null ? this.query.slice(0, -1) : this.query + text;
  }

  /** Enter: searches the focused view for the query, from the bottom of the screen up. */
  submitSearch(): void {
    this.mode = 'normal';
    this.search = this.query;
    if (this.search === '') this.filter = false;
    else this.findNext('older', this.bottom() + 1);
  }

  /** Esc in the prompt: back to the list, the previous search kept. */
  cancelSearch(): void {
    this.mode = 'normal';
    this.query = this.search;
  }

  /** n (older) and N (newer): the next line holding the search, brought to the bottom of the screen. */
  findNext(direction: 'older' | 'newer', from: number = this.bottom()): void {
    if (this.search === '') {
      this.message = 'No search: press / to search.';
      return;
    }
    const hit = findMatch(this.buffer(this.focused), this.search, from, direction);
    if (hit === null) {
      this.message = `No ${from > this.bottom() ? '' : direction === 'older' ? 'older ' : 'newer '}line holds "${this.search}".`;
      return;
    }
    this.message = null;
    this.anchors.set(this.focused, hit >= this.lastShown(this.buffer(this.focused)) ? null : hit);
  }

  /** f: shows only the lines holding the search (again: every line). */
  toggleFilter(): void {
    if (this.search === '' && !this.filter) {
      this.message = 'No search to filter by: press / first.';
      return;
    }
    this.filter = !this.filter;
    this.anchors.set(this.focused, null);
  }

  /** e: brings the focused view's last error block (traceback, bundler error, failure notice) into view, marked. */
  jumpToError(): void {
    const buffer = this.buffer(this.focused);
    const block = lastErrorBlock(buffer);
    if (block === null) {
      this.message = `No error in ${this.focused}'s output.`;
      return;
    }
    this.filter = false;
    this.marked = block;
    this.message = null;
    this.anchors.set(this.focused, block.end >= buffer.end - 1 ? null : block.end);
  }

  /**
   * A service failed: unless the user is looking at another service or typing, its output is focused with its last
   * error (or its last lines) in view, so the why shows without a key.
   */
  showFailure(service: string): void {
    if (this.mode !== 'normal' || this.focused !== allView) return;
    const index = this.views.indexOf(service);
    if (index < 0) return;
    this.focus(index);
    this.end();
    if (lastErrorBlock(this.buffer(service)) !== null) this.jumpToError();
  }

  /** ?: opens or closes the help screen. */
  toggleHelp(): void {
    this.mode = this.mode === 'help' ? 'normal' : 'help';
  }

  /**
   * The focused view's lines that fill height rows of width columns, oldest first, ending at the bottom line (long
   * lines take as many rows as they wrap to).
   */
  visible(height: number, width: number): VisibleLine[] {
    const buffer = this.buffer(this.focused);
    const lines: VisibleLine[] = [];
    let rows = 0;
    for (let index: number | null = this.bottom(); index !== null && rows < height; index = this.step(buffer, index, -1)) {
      const line = buffer.at(index);
      if (!line) break;
      if (!this.shows(line)) continue;
      lines.push({ ...line, index });
      rows += Math.max(1, Math.ceil(plainText(line.text).length / Math.max(1, width)));
    }
    return lines.reverse();
  }

  /** The absolute index of the line at the bottom of the screen. */
  private bottom(): number {
    const buffer = this.buffer(this.focused);
    const anchor = this.anchors.get(this.focused) ?? null;
    return anchor === null ? this.lastShown(buffer) : Math.max(anchor, buffer.first);
  }

  /** The newest line the view shows (with the filter: the newest matching one). */
  private lastShown(buffer: Scrollback): number {
    for (let index = buffer.end - 1; index >= buffer.first; index -= 1) if (this.shows(buffer.at(index))) return index;
    return buffer.end - 1;
  }

  private shows(line: ScrollLine | undefined): boolean {
    return line !== undefined && (!this.filter || lineMatches(line.text, this.search));
  }

  /** The next shown line from index in direction (-1 older, +1 newer), or null at either end. */
  private step(buffer: Scrollback, index: number, direction: -1 | 1): number | null {
    for (let next = index + direction; next >= buffer.first && next < buffer.end; next += direction) if (this.shows(buffer.at(next))) return next;
    return null;
  }
}
