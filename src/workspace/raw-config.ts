/** The shape of tovrun.yaml as written by users (and presets), before defaults are resolved. */

/** A probe as written in tovrun.yaml. */
export interface RawProbe {
  http?: string;
  tcp?: number;
  log?: string;
  timeout?: number;
}

/** A service as written in tovrun.yaml. */
export interface RawService {
  type?: 'python' | 'node' | 'command';
  enabled?: boolean;
  dir?: string;
  port?: number;
  command?: string | string[];
  env?: Record<string, string | number | boolean>;
  probe?: RawProbe;
  restart?: { policy?: 'no' | 'on-failure'; maxRetries?: number; backoff?: number; crashLimit?: number; crashWindow?: number };
  depends_on?: Record<string, 'started' | 'healthy'>;
  /** Globs relative to dir whose changes restart the service. */
  watch?: string[];
  venv?: string;
  requirements?: string;
  legacyPeerDeps?: boolean;
  ignoreScripts?: boolean;
  /** Internal to presets: a probe tried when the http probe answers 404. */
  probeFallback?: RawProbe;
}

/** tovrun.yaml as written. */
export interface RawConfig {
  version?: 1;
  preset?: string;
  python?: { command?: string; minVersion?: string };
  panes?: 'auto' | 'prefix' | 'tmux' | 'windows' | 'tui';
  shutdownTimeout?: number;
  /** Which copy of the workspace runs: a number, or auto (from the git worktree). */
  instance?: number | 'auto';
  compose?: { file?: string; profiles?: string[]; healthTimeout?: number };
  services?: Record<string, RawService>;
}
