/** Where a run's output goes: the terminal UI (`--panes tui`, loaded only then), or the prefix/tmux/windows pane output. */
import { type RunContext, useColor } from '../context.js';
import type { ProcessLauncher } from '../os/launcher.js';
import type { LineMask, ServiceOutputSink } from '../os/output-sink.js';
import type { SignalSource } from '../os/signal-source.js';
import type { PanesSelection } from '../panes/mode.js';
import { openPaneOutput } from '../panes/pane-output.js';
import type { InstallView } from '../panes/tui/install-view.js';
import type { TuiOutput } from '../panes/tui/tui-output.js';
import type { ControlHandler, ControlServer, SupervisorEvent } from '../supervisor/index.js';
import type { Workspace } from '../workspace/types.js';

/** A run's output, whichever the mode: the sink and launcher for the Supervisor, and where tovrun's own lines go. */
export interface RunOutput {
  readonly mode: PanesSelection['mode'];
  readonly sink: ServiceOutputSink & { flush(): void };
  readonly launcher: ProcessLauncher | undefined;
  /** Lines tovrun says about the run (the ready summary): the terminal, or the UI's "all" view. */
  say(text: string): void;
  /** Every supervisor event (the UI's rows follow them). */
  onEvent(event: SupervisorEvent): void;
  /** Compose services now healthy. */
  composeReady(names: readonly string[]): void;
  /** The supervisor the UI asks for status and restarts. */
  serve(handler: ControlHandler): void;
  /** The signals the run stops on (the UI adds q and Ctrl-C). */
  signals(source: SignalSource): SignalSource;
  followLogs(names: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** What openRunOutput needs besides the context. */
export interface RunOutputOptions {
  selection: PanesSelection;
  /** Compose services, then native ones. */
  names: string[];
  composeNames: string[];
  mask: LineMask;
  control: ControlServer;
  /** A background tovrun (`up --detach`): service lines go to their log files only, not to its output file. */
  background?: boolean;
}

/** Mounts the terminal UI (its module, Ink and React load only here): the run's output, and the UI for the install. */
async function openTui(
  ctx: RunContext,
  workspace: Workspace,
  options: Pick<RunOutputOptions, 'names' | 'composeNames' | 'mask'>,
): Promise<{ output: RunOutput; tui: TuiOutput }> {
  const { loadTui } = await import('../panes/tui/load-tui.js');
  const { openTuiOutput } = await loadTui();
  const natives = options.names.filter((name) => !options.composeNames.includes(name));
  const tui = openTuiOutput({
    stdout: process.stdout,
    stdin: process.stdin,
    color: useColor(ctx.stdout, ctx.env),
    stateDir: workspace.stateDir,
    services: natives,
    compose: options.composeNames,
    mask: options.mask,
  });
  return { tui, output: { ...tui, composeReady: (names) => tui.mark(names, 'ready') } };
}

/** What installInUi needs: the run's services (compose first) and the mask, and the process's signals. */
export interface InstallInUiOptions extends Pick<RunOutputOptions, 'names' | 'composeNames' | 'mask'> {
  signals: SignalSource;
}

/**
 * `--panes tui`: opens the UI before the install, so the install shows inside it (each service "installing", its
 * lines in its output), and returns the UI for supervise() to go on with. Ctrl-C or q during the install ends tovrun
 * and the installers as Ctrl-C without the UI does (install-stop.ts). A failed install closes the UI, prints the
 * install's report as without the UI, and throws its FailedError (exit 1).
 */
export async function installInUi(
  ctx: RunContext,
  workspace: Workspace,
  options: InstallInUiOptions,
  install: (observer: InstallView) => Promise<unknown>,
): Promise<RunOutput> {
  const { tui, output } = await openTui(ctx, workspace, options);
  const { stopDuringInstall } = await import('../panes/tui/install-stop.js');
  const stop = stopDuringInstall({ process: options.signals, withKeys: (source) => tui.signals(source), close: () => tui.close() });
  const view = tui.install();
  let report: readonly string[] = [];
  try {
    await install({
      ...view,
      report: (lines) => {
        report = lines;
        view.report(lines);
      },
    });
    // Warnings of an install that succeeded are printed, as without the UI, once it has closed.
    const warnings = report;
    return {
      ...output,
      async close() {
        await output.close();
        if (warnings.length > 0) ctx.stderr.write(`${warnings.join('\n')}\n`);
      },
    };
  } catch (error) {
    view.failedInstallClosing();
    await output.close();
    if (report.length > 0) ctx.stderr.write(`${report.join('\n')}\n`);
    throw error;
  } finally {
    stop.dispose();
  }
}

/** Opens the run's output: the UI mounts now (its module, Ink and React load only here); pane modes as before. */
export async function openRunOutput(ctx: RunContext, workspace: Workspace, options: RunOutputOptions): Promise<RunOutput> {
  const color = useColor(ctx.stdout, ctx.env);
  if (options.selection.mode === 'tui') return (await openTui(ctx, workspace, options)).output;
  const output = await openPaneOutput({
    selection: options.selection,
    destination: ctx.stdout,
    color,
    env: ctx.env,
    platform: ctx.platform,
    root: workspace.root,
    stateDir: workspace.stateDir,
    instance: workspace.instance.number,
    services: options.names,
    mask: options.mask,
    control: options.control,
    showLines: !options.background,
  });
  return {
    mode: output.mode,
    sink: output.sink,
    launcher: output.launcher,
    say(text) {
      output.sink.flush();
      ctx.stdout.write(text);
    },
    onEvent: () => undefined,
    composeReady: () => undefined,
    serve: () => undefined,
    signals: (source) => source,
    followLogs: (names) => output.followLogs(names),
    close: () => output.close(),
  };
}
