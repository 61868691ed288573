/** Stop requests from the UI's keys, delivered like the process's signals so `up` stops (and forces) the one way it always does. */
import { EventEmitter } from 'node:events';
import type { SignalSource } from '../../os/signal-source.js';

/** A signal source that listens to the process's signals and to raise() (Ctrl-C raises SIGINT, q SIGTERM). */
export class UiSignals implements SignalSource {
  private readonly keys = new EventEmitter();

  constructor(private readonly source: SignalSource) {}

  /** Listens to the signal from the process and from the keys. */
  on(event: NodeJS.Signals, listener: () => void): this {
    this.source.on(event, listener);
    this.keys.on(event, listener);
    return this;
  }

  /** Stops listening to it from both. */
  off(event: NodeJS.Signals, listener: () => void): this {
    this.source.off(event, listener);
    this.keys.off(event, listener);
    return this;
  }

  /** Delivers the signal as if the process had received it (in raw mode the terminal sends Ctrl-C as a key, not SIGINT). */
  raise(signal: NodeJS.Signals): void {
    this.keys.emit(signal);
  }
}
