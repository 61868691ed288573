/** The effects a command may use, passed in from the top so tests can run commands without a real terminal. */

/** A place tovrun writes text to: the terminal, a pipe or a test buffer. */
export interface Output {
  /** Writes text; false means the destination is full and 'drain' will follow (as a Node stream). */
  write(text: string): boolean | undefined;
  /** Present on real streams: waits for room after write returned false. */
  once?(event: 'drain', listener: () => void): unknown;
  readonly isTTY: boolean;
  readonly columns?: number | undefined;
}

/** Everything a command needs from the outside world. */
export interface RunContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  stdout: Output;
  stderr: Output;
  /** True when the user asked for stack traces and internal detail (TOVRUN_DEBUG=1). */
  debug: boolean;
  /** The instance asked for with --instance (a number or auto), undefined without the flag (see workspace/instance.ts). */
  instance?: string | undefined;
}

/** Whether text written to this output may carry colour: a terminal, no NO_COLOR, or FORCE_COLOR set. */
export function useColor(output: Output, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return output.isTTY && env.TERM !== 'dumb';
}

/** The context of the real process. */
export function processContext(): RunContext {
  const wrap = (stream: NodeJS.WriteStream): Output => ({
    write: (text: string) => stream.write(text),
    once: (event: 'drain', listener: () => void) => stream.once(event, listener),
    get isTTY() {
      return Boolean(stream.isTTY);
    },
    get columns() {
      return stream.columns;
    },
  });
  return {
    cwd: process.cwd(),
    env: process.env,
    platform: process.platform,
    stdout: wrap(process.stdout),
    stderr: wrap(process.stderr),
    debug: process.env.TOVRUN_DEBUG === '1',
  };
}
