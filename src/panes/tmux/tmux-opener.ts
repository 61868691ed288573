/** Opening the services' tmux panes: titled on their borders, output piped to tovrun, tiled in one window. */
import type { PaneOpener, PaneRequest } from '../agent/pane-launcher.js';
import { removePanesFile, writePanesFile } from '../panes-file.js';
import {
  borderArgs,
  killPaneArgs,
  killSessionArgs,
  newSessionArgs,
  paneTitleArgs,
  pipePaneArgs,
  splitWindowArgs,
  type TmuxServer,
  tiledArgs,
  unsetBorderArgs,
  windowOfArgs,
} from './tmux-command.js';
import { type TmuxRunner, tmuxOrFail } from './tmux-runner.js';

/** Where the panes go: beside tovrun's own pane (tovrun runs inside tmux), or into a new detached session. */
export type TmuxPlacement =
  | {
      kind: 'beside-tovrun';
      /** tovrun's pane ($TMUX_PANE). */
      pane: string;
      /** The session tovrun was started in by `runInNewTmuxSession` (it ends with tovrun); null inside the user's own. */
      ownSession: string | null;
    }
  | { kind: 'new-session'; session: string };

/** Options of a TmuxOpener. */
export interface TmuxOpenerOptions {
  run: TmuxRunner;
  server: TmuxServer;
  placement: TmuxPlacement;
  /** Where panes.json is written. */
  stateDir: string;
  ownerPid: number;
}

/** Opens one pane per request, one at a time; close() removes them (and a session it created). */
export class TmuxOpener implements PaneOpener {
  readonly pipesOutput = true;
  private window: string | null = null;
  private readonly panes: string[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: TmuxOpenerOptions) {}

  /** Opens the pane after the ones already asked for. */
  open(request: PaneRequest): Promise<void> {
    const opening = this.queue.then(() => this.openNow(request));
    this.queue = opening.catch(() => undefined);
    return opening;
  }

  /** Kills the panes it opened, or its session; removes panes.json. */
  async close(): Promise<void> {
    await this.queue;
    const { run, placement } = this.options;
    if (placement.kind === 'new-session') {
      if (this.window !== null) await run(killSessionArgs(placement.session));
    } else {
      for (const pane of this.panes) await run(killPaneArgs(pane));
      if (this.window !== null && placement.ownSession === null) for (const args of unsetBorderArgs(this.window)) await run(args);
    }
    removePanesFile(this.options.stateDir);
  }

  private async openNow(request: PaneRequest): Promise<void> {
    const { run, placement } = this.options;
    const pane =
      this.window === null
        ? await this.openFirst(request)
        : await tmuxOrFail(run, splitWindowArgs(this.panes.at(-1) ?? this.window, request.cwd, request.command));
    this.panes.push(pane);
    this.record();
    await tmuxOrFail(run, paneTitleArgs(pane, request.title));
    if (request.pipeCommand) await tmuxOrFail(run, pipePaneArgs(pane, request.pipeCommand));
    await tmuxOrFail(run, tiledArgs(this.window ?? pane));
    if (placement.kind === 'beside-tovrun' && this.panes.length === 1) await run(paneTitleArgs(placement.pane, 'tovrun'));
  }

  private async openFirst(request: PaneRequest): Promise<string> {
    const { run, placement } = this.options;
    // A session of that name on tovrun's dedicated server is a leftover of a run that could not clean up.
    if (placement.kind === 'new-session') await run(killSessionArgs(placement.session));
    const pane =
      placement.kind === 'new-session'
        ? await tmuxOrFail(run, newSessionArgs(placement.session, request.cwd, request.command))
        : await tmuxOrFail(run, splitWindowArgs(placement.pane, request.cwd, request.command));
    this.window = await tmuxOrFail(run, windowOfArgs(pane));
    for (const args of borderArgs(this.window)) await tmuxOrFail(run, args);
    return pane;
  }

  private record(): void {
    const { placement } = this.options;
    const session = placement.kind === 'new-session' ? placement.session : placement.ownSession;
    writePanesFile(this.options.stateDir, { version: 1, ownerPid: this.options.ownerPid, server: this.options.server, session, panes: [...this.panes] });
  }
}
