/** The running part of `tovrun up`: control socket, pane output, compose (awaited healthy), services, ready summary, stop. */
import type { ComposeSession } from '../compose/index.js';
import type { RunContext } from '../context.js';
import { type DevLoop, type DevLoopOptions, startDevLoop } from '../devloop/dev-loop.js';
import { ExitCode } from '../errors.js';
import type { ServiceOutputSink } from '../os/output-sink.js';
import type { SignalSource } from '../os/signal-source.js';
import type { PanesSelection } from '../panes/mode.js';
import type { ComposePlan } from '../plan/compose.js';
import { type DatabaseChoice, describeDatabase } from '../plan/database.js';
import type { LaunchSpec } from '../plan/launch-spec.js';
import { eventLine } from '../supervisor/control/event-line.js';
import { recordingSink } from '../supervisor/control/recording-sink.js';
import { formatReadySummary, handleStopSignals, runExitCode, type Stoppable, Supervisor, startControlServer } from '../supervisor/index.js';
import { composeServiceStatus } from '../supervisor/service-status.js';
import type { ReadyService, Workspace } from '../workspace/types.js';
import { openRunOutput, type RunOutput } from './up-output.js';

/** Everything one run starts, planned. */
export interface RunPlan {
  launches: LaunchSpec[];
  compose: { plan: ComposePlan; dotEnv: Record<string, string> } | null;
  database: DatabaseChoice;
  /** The services told which database they use: the run's Python services and the workspace's database service. */
  databaseUsers: string[];
  /** How output is shown: prefix lines, tmux panes, Windows panes or the terminal UI. */
  selection: PanesSelection;
  /** What the dev loop follows (.env, install inputs, watch globs) while the services run; none when absent. */
  devLoop?: Omit<DevLoopOptions, 'supervisor' | 'output'>;
  /** Run in the background by `tovrun up --detach`: service lines to their log files only. */
  background: boolean;
}

/** Waits until the signal aborts. */
function untilAborted(signal: AbortSignal): Promise<void> {
  return signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** Starts compose (awaited healthy), then the services, and supervises them until they stop or a signal arrives. */
export async function supervise(
  ctx: RunContext,
  workspace: Workspace,
  run: RunPlan,
  session: (sink: ServiceOutputSink) => ComposeSession | null,
  mask: (text: string) => string,
  signals: SignalSource,
  opened: RunOutput | null = null,
): Promise<number> {
  const composeNames = run.compose?.plan.services.map((service) => service.name) ?? [];
  const names = [...composeNames, ...run.launches.map((launch) => launch.name)];
  // The control socket comes first: pane agents and `tovrun status` connect to it.
  const control = await startControlServer({
    root: workspace.root,
    stateDir: workspace.stateDir,
    instance: workspace.instance.number,
    platform: ctx.platform,
  }).catch(async (error: unknown) => {
    await opened?.close();
    throw error;
  });
  // The terminal UI is open already when the install ran inside it.
  const output = opened ?? (await openRunOutput(ctx, workspace, { selection: run.selection, names, composeNames, mask, control, background: run.background }));
  // Every line and notice is also kept (masked as in the log files) for `tovrun logs --json`, `--errors` and `tovrun mcp`.
  const sink = recordingSink(output.sink, control.logBook, mask);
  const composeReadyMs = new Map<string, number>();
  const supervisor = new Supervisor({
    stateDir: workspace.stateDir,
    shutdownTimeoutMs: workspace.shutdownTimeoutMs,
    sink,
    launcher: output.launcher,
    mask,
    onEvent: (event) => {
      output.onEvent(event);
      control.publish(eventLine(event, Date.now(), mask));
    },
  });
  const stopping = new AbortController();
  const target: Stoppable = {
    stop: (reason) => {
      stopping.abort();
      return supervisor.stop(reason);
    },
    forceStop: () => supervisor.forceStop(),
  };
  // `tovrun down` asks over the control socket, as SIGTERM would (Windows has no SIGTERM to send).
  control.serve(
    {
      status: () => [...composeNames.map((name) => composeServiceStatus(name, composeReadyMs.get(name) ?? null)), ...supervisor.status()],
      restart: (name) => supervisor.restart(name),
      stopService: (name) => supervisor.stopService(name),
      startService: (name) => supervisor.startService(name),
      stop: () => target.stop('terminated'),
    },
    output.mode,
  );
  output.serve(supervisor);
  const stop = handleStopSignals(output.signals(signals), target);
  const interrupted = () => (stop.received === 'SIGINT' ? ExitCode.interrupted : ExitCode.ok);
  const compose = session(sink);
  let loop: DevLoop | null = null;
  try {
    await supervisor.preflightPorts(run.launches.flatMap((launch) => (launch.port === null ? [] : [{ name: launch.name, port: launch.port }])));
    // The backend starts only after its database (and every other compose service) is healthy.
    const composeReady: ReadyService[] = compose ? ((await compose.start(stopping.signal)) ?? []) : [];
    if (stopping.signal.aborted) return interrupted();
    for (const service of composeReady) composeReadyMs.set(service.name, service.readyMs);
    output.composeReady(composeNames);
    await output.followLogs(composeNames);
    if (run.launches.length === 0) {
      output.say(formatReadySummary(composeReady, workspace.instance));
      control.markReady();
      await untilAborted(stopping.signal);
      return interrupted();
    }
    for (const name of run.databaseUsers) sink.notice(name, `database: ${describeDatabase(run.database)}`);
    supervisor.start(run.launches);
    if (run.devLoop) {
      const say = (text: string) => output.say(mask(text));
      loop = startDevLoop({ ...run.devLoop, supervisor, output: { notice: (service, text) => sink.notice(service, text), say } });
    }
    const ready = await supervisor.waitReady();
    // The ready summary comes once .env and the other followed files are watched: an edit after it is seen.
    await loop?.ready;
    if (ready) {
      output.say(formatReadySummary([...composeReady, ...ready], workspace.instance));
      control.markReady();
    }
    return runExitCode(await supervisor.finished, stop.received);
  } catch (error) {
    await supervisor.stop('failed');
    // Ctrl-C while compose starts makes compose fail too: that is an interruption, not an error.
    if (stopping.signal.aborted) return interrupted();
    throw error;
  } finally {
    await loop?.close();
    stop.dispose();
    await compose?.stop();
    // Output (agents, panes, a session tovrun created, log files) before control: the agents talk through it.
    await output.close();
    await control.close();
  }
}
