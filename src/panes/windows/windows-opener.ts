/** Opening the services' panes on Windows: Windows Terminal panes when wt is installed, else one console window each. */
import { spawn } from 'node:child_process';
import type { PaneOpener, PaneRequest } from '../agent/pane-launcher.js';
import { consoleWindowCommand } from './console-args.js';
import { panesInTabAfter, type WindowsPane, windowsTerminalArgs } from './wt-args.js';

/** Starts a program that outlives the call (wt, cmd start); resolves once it was started. */
export type DetachedStart = (file: string, args: string[], verbatim: boolean) => Promise<void>;

/** The real start: detached, no stdio, not waited for. */
export const realDetachedStart: DetachedStart = (file, args, verbatim) =>
  new Promise((resolve, reject) => {
    const child = spawn(file, args, { detached: true, stdio: 'ignore', windowsVerbatimArguments: verbatim, windowsHide: false });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });

function pane(request: PaneRequest): WindowsPane {
  return { title: request.title, cwd: request.cwd, command: request.command };
}

/** Windows Terminal: the panes asked for in one tick open together in one wt call (a new tab, then splits; a full tab continues in another). */
export class WindowsTerminalOpener implements PaneOpener {
  readonly pipesOutput = false;
  private pending: { request: PaneRequest; done: { resolve(): void; reject(error: Error): void } }[] = [];
  /** How many of tovrun's panes the tab it opened last holds (0: none opened yet). */
  private panesInTab = 0;

  constructor(
    private readonly wt: string,
    private readonly start: DetachedStart = realDetachedStart,
  ) {}

  /** Queues the pane; the batch opens on the next turn of the event loop. */
  open(request: PaneRequest): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ request, done: { resolve, reject } });
    });
  }

  /** Nothing to do: each agent leaves when told (or when tovrun is gone), and its pane closes with it. */
  async close(): Promise<void> {}

  private async flush(): Promise<void> {
    const batch = this.pending.splice(0);
    const panes = batch.map((item) => pane(item.request));
    const args = windowsTerminalArgs(panes, this.panesInTab);
    this.panesInTab = panesInTabAfter(panes.length, this.panesInTab);
    try {
      await this.start(this.wt, args, false);
      for (const item of batch) item.done.resolve();
    } catch (error) {
      for (const item of batch) item.done.reject(error as Error);
    }
  }
}

/** Console windows: `cmd /c start "title"` per pane. */
export class ConsoleWindowOpener implements PaneOpener {
  readonly pipesOutput = false;

  constructor(private readonly start: DetachedStart = realDetachedStart) {}

  /** Opens the pane's console window. */
  async open(request: PaneRequest): Promise<void> {
    const command = consoleWindowCommand(pane(request));
    await this.start(command.file, command.args, command.verbatim);
  }

  /** Nothing to do: each window closes when its agent leaves. */
  async close(): Promise<void> {}
}
