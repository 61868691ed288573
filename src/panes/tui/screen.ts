/**
 * The terminal around the UI: the alternate screen while it runs, and the normal screen with a visible cursor on every
 * way out (close, an error, a signal, a crash: the process's exit event runs even after an uncaught exception).
 */
import ansiEscapes from 'ansi-escapes';

/** A terminal stream (process.stdout). */
export interface ScreenStream {
  write(text: string): unknown;
}

/** The alternate screen held; restore() gives the user's screen back once, however often it is called. */
export class Screen {
  private held = false;
  private readonly onExit = (): void => this.restore();

  constructor(
    private readonly stream: ScreenStream,
    private readonly exits: { on(event: 'exit', listener: () => void): unknown; off(event: 'exit', listener: () => void): unknown } = process,
  ) {}

  /** Switches to the alternate screen (the user's scrollback stays untouched beneath). */
  enter(): void {
    if (this.held) return;
    this.held = true;
    this.exits.on('exit', this.onExit);
    this.stream.write(ansiEscapes.enterAlternativeScreen);
  }

  /** Leaves the alternate screen and shows the cursor again. */
  restore(): void {
    if (!this.held) return;
    this.held = false;
    this.exits.off('exit', this.onExit);
    this.stream.write(ansiEscapes.exitAlternativeScreen + ansiEscapes.cursorShow);
  }
}
