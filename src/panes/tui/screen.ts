/**
 * The terminal around the UI: the alternate screen and mouse reporting while it runs, and the normal screen with a
 * visible cursor and no mouse reporting on every way out (close, an error, a signal, a crash: the process's exit event
 * runs even after an uncaught exception).
 */
import ansiEscapes from 'ansi-escapes';
import { disableMouse, enableMouse } from './mouse.js';

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

  /** Switches to the alternate screen (the user's scrollback stays untouched beneath) and on mouse reporting (the wheel). */
  enter(): void {
    if (this.held) return;
    this.held = true;
    this.exits.on('exit', this.onExit);
    this.stream.write(ansiEscapes.enterAlternativeScreen + enableMouse);
  }

  /** Switches mouse reporting off, leaves the alternate screen and shows the cursor again. */
  restore(): void {
    if (!this.held) return;
    this.held = false;
    this.exits.off('exit', this.onExit);
    this.stream.write(disableMouse + ansiEscapes.exitAlternativeScreen + ansiEscapes.cursorShow);
  }
}
