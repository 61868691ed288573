/** Where a process's signals come from, injectable so that signal handling is tested without sending real signals. */

/** Where signals come from: process, or a fake EventEmitter in tests. */
export interface SignalSource {
  on(event: NodeJS.Signals, listener: () => void): unknown;
  off(event: NodeJS.Signals, listener: () => void): unknown;
}
