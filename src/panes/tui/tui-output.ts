/**
 * `--panes tui`: the run's output shown in tovrun's own terminal UI (Ink). Loaded only by runs in this mode, so Ink
 * and React cost the other modes nothing.
 */
import { type Instance, render } from 'ink';
import { createElement } from 'react';
import type { LineMask } from '../../os/output-sink.js';
import type { SignalSource } from '../../os/signal-source.js';
import type { SupervisorEvent } from '../../supervisor/events.js';
import type { ControlHandler } from '../../supervisor/index.js';
import { App } from './app.js';
import { type InstallView, installView } from './install-view.js';
import type { KeyCommand } from './keys.js';
import { Screen } from './screen.js';
import { runServiceCommand } from './service-commands.js';
import type { RowState } from './service-rows.js';
import { TuiModel } from './tui-model.js';
import { TuiSink } from './tui-sink.js';
import { UiSignals } from './ui-signals.js';

/** What openTuiOutput needs. */
export interface TuiOutputOptions {
  /** The terminal: tovrun's own stdout and stdin. */
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  /** Whether lines and states carry colour (useColor of stdout). */
  color: boolean;
  stateDir: string;
  /** Native services, in start order. */
  services: readonly string[];
  /** Compose services. */
  compose: readonly string[];
  mask?: LineMask;
  now?: () => number;
}

/** A run's output in the UI; give sink to the Supervisor, onEvent as its onEvent, then serve(supervisor). */
export interface TuiOutput {
  readonly mode: 'tui';
  readonly sink: TuiSink;
  readonly launcher: undefined;
  /** Lines tovrun says about the whole run (the ready summary): shown in the "all" view. */
  say(text: string): void;
  /** A supervisor event: moves the service's row. */
  onEvent(event: SupervisorEvent): void;
  /** Sets the state of the named rows (compose services once healthy). */
  mark(names: readonly string[], state: RowState): void;
  /** Answers the rows' status and the r and s keys from the supervisor (as `tovrun status`, `restart`, `stop` and `start` do). */
  serve(handler: ControlHandler): void;
  /** The signals `up` stops on: the process's, and q (SIGTERM) and Ctrl-C (SIGINT) from the keys. */
  signals(source: SignalSource): SignalSource;
  /** Starts the log files of output that reaches tovrun only through the sink (compose services). */
  followLogs(names: readonly string[]): Promise<void>;
  /** The install phase shown in the UI (rows "installing", install lines in each service's output). */
  install(): InstallView;
  /** Unmounts the UI, gives the terminal back (normal screen, cursor), prints why services failed, closes the log files. */
  close(): Promise<void>;
}

/** Mounts the UI on the alternate screen; it shows the model and redraws at most every 50 ms. */
export function openTuiOutput(options: TuiOutputOptions): TuiOutput {
  const now = options.now ?? Date.now;
  const listeners = new Set<() => void>();
  const changed = (): void => {
    for (const listener of listeners) listener();
  };
  const model = new TuiModel({ services: options.services, compose: options.compose });
  const sink = new TuiSink({
    model,
    color: options.color,
    stateDir: options.stateDir,
    services: [...options.compose, ...options.services],
    changed,
    ...(options.mask ? { mask: options.mask } : {}),
  });
  let handler: ControlHandler | null = null;
  let uiSignals: UiSignals | null = null;
  const command = (next: Exclude<KeyCommand, null>): void => {
    if (next.kind !== 'quit') return void runServiceCommand(model, handler, next, changed);
    model.message = 'stopping every service… (Ctrl-C again forces)';
    uiSignals?.raise(next.interrupt ? 'SIGINT' : 'SIGTERM');
  };
  const screen = new Screen(options.stdout);
  screen.enter();
  const app = createElement(App, {
    model,
    color: options.color,
    now,
    command,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    refresh: () => {
      if (!handler) return;
      for (const service of model.rows.update(handler.status(), now())) model.showFailure(service);
    },
  });
  const instance: Instance = render(app, {
    stdout: options.stdout,
    stdin: options.stdin,
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: 20,
    incrementalRendering: false,
  });
  return {
    mode: 'tui',
    sink,
    launcher: undefined,
    say: (text) => sink.announce(text),
    onEvent(event) {
      const before = model.rows.get(event.service)?.state;
      model.rows.apply(event, now());
      if (before !== 'failed' && model.rows.get(event.service)?.state === 'failed') model.showFailure(event.service);
    },
    mark: (names, state) => {
      model.rows.mark(names, state);
      changed();
    },
    serve: (next) => {
      handler = next;
    },
    signals: (source) => {
      uiSignals = new UiSignals(source);
      return uiSignals;
    },
    install: () => installView(model, changed),
    async followLogs(names) {
      for (const name of names) sink.openLog(name);
    },
    async close() {
      listeners.clear();
      instance.unmount();
      instance.cleanup();
      screen.restore();
      for (const row of model.rows.list())
        if (row.state === 'failed' && row.reason) options.stdout.write(`tovrun: ${row.name} ${row.reason}; see \`tovrun logs ${row.name}\`.\n`);
      await sink.close();
    },
  };
}
