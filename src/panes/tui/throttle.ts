/** Redraws at most once per interval: a service printing fast costs one redraw per interval, never one per line. */

/** Default gap between two redraws. */
export const redrawIntervalMs = 50;

/** Calls draw after a request, at most once per interval (the first request of a quiet spell draws at once). */
export class Throttle {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private last = -Infinity;
  private stopped = false;

  constructor(
    private readonly draw: () => void,
    private readonly intervalMs: number = redrawIntervalMs,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Asks for a redraw; several requests within one interval make one. */
  request(): void {
    if (this.timer !== null || this.stopped) return;
    const wait = this.last + this.intervalMs - this.now();
    if (wait <= 0) this.fire();
    else this.timer = setTimeout(() => this.fire(), wait);
  }

  /** Cancels a pending redraw and ignores later requests. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private fire(): void {
    this.timer = null;
    this.last = this.now();
    this.draw();
  }
}
