/** The tmux command lines tovrun runs, as pure argument lists (tested exactly), and which tmux server they address. */
import path from 'node:path';
import { instanceSuffix } from '../../workspace/instance.js';

/** Which tmux server: the one tovrun runs in (its socket path from $TMUX), or a dedicated one by name (-L). */
export type TmuxServer = { socketPath: string } | { socketName: string };

/** The global flags selecting the server. */
export function serverArgs(server: TmuxServer): string[] {
  return 'socketPath' in server ? ['-S', server.socketPath] : ['-L', server.socketName];
}

/** The server of the tmux tovrun runs inside: $TMUX is "<socket path>,<server pid>,<session index>". */
export function currentServer(env: NodeJS.ProcessEnv): TmuxServer | null {
  const socketPath = (env.TMUX ?? '').split(',')[0] ?? '';
  return socketPath === '' ? null : { socketPath };
}

/** One argument quoted for /bin/sh (pipe-pane runs its command through it). */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** An argv as one /bin/sh command line. */
export function shellCommand(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}

/** A session name from the workspace folder: tovrun-<name> (-i<n> for an instance above 0), without the characters tmux refuses in names (. and :). */
export function tmuxSessionName(root: string, instance = 0): string {
  const base = path
    .basename(path.resolve(root))
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `tovrun-${base || 'workspace'}${instanceSuffix(instance)}`;
}

/** A detached session of the given size whose first pane runs command (argv form: no shell); prints the pane id. */
export function newSessionArgs(session: string, cwd: string, command: readonly string[]): string[] {
  return ['new-session', '-d', '-s', session, '-x', '220', '-y', '60', '-c', cwd, '-P', '-F', '#{pane_id}', ...command];
}

/** A new pane beside target (focus stays), running command in cwd; prints the pane id. */
export function splitWindowArgs(target: string, cwd: string, command: readonly string[]): string[] {
  return ['split-window', '-d', '-t', target, '-c', cwd, '-P', '-F', '#{pane_id}', ...command];
}

/** Names a pane (shown on its border). */
export function paneTitleArgs(pane: string, title: string): string[] {
  return ['select-pane', '-t', pane, '-T', title];
}

/** The window options that put each pane's title on its top border. */
export function borderArgs(window: string): string[][] {
  return [
    ['set-option', '-w', '-t', window, 'pane-border-status', 'top'],
    ['set-option', '-w', '-t', window, 'pane-border-format', ' #{pane_title} '],
  ];
}

/** Removes the border options again (the window falls back to the user's settings). */
export function unsetBorderArgs(window: string): string[][] {
  return [
    ['set-option', '-w', '-u', '-t', window, 'pane-border-status'],
    ['set-option', '-w', '-u', '-t', window, 'pane-border-format'],
  ];
}

/** Tiles every pane of the window. */
export function tiledArgs(window: string): string[] {
  return ['select-layout', '-t', window, 'tiled'];
}

/** Sends what the pane prints to command's stdin (run by /bin/sh). */
export function pipePaneArgs(pane: string, command: readonly string[]): string[] {
  return ['pipe-pane', '-o', '-t', pane, shellCommand(command)];
}

/** Prints the id of the window holding pane. */
export function windowOfArgs(pane: string): string[] {
  return ['display-message', '-p', '-t', pane, '#{window_id}'];
}

/** Closes one pane. */
export function killPaneArgs(pane: string): string[] {
  return ['kill-pane', '-t', pane];
}

/** Whether the session exists (exit code 0), by exact name. */
export function hasSessionArgs(session: string): string[] {
  return ['has-session', '-t', `=${session}`];
}

/** Ends the session, by exact name. */
export function killSessionArgs(session: string): string[] {
  return ['kill-session', '-t', `=${session}`];
}

/** Attaches the terminal to the session, by exact name. */
export function attachArgs(session: string): string[] {
  return ['attach-session', '-t', `=${session}`];
}

/** How the user attaches to the session themselves. */
export function attachHint(server: TmuxServer, session: string): string {
  return shellCommand(['tmux', ...serverArgs(server), 'attach', '-t', session]);
}
