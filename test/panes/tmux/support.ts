// A fake tmux for unit tests: records every command and answers from a script of outputs.
import type { ExecResult } from '../../../src/os/host.js';
import type { TmuxRunner } from '../../../src/panes/tmux/tmux-runner.js';

/** A TmuxRunner recording its calls; answer decides each result (success with no output by default). */
export function fakeTmux(answer: (args: string[]) => Partial<ExecResult> = () => ({})): { run: TmuxRunner; calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    run: async (args) => {
      calls.push(args);
      return { code: 0, stdout: '', stderr: '', ...answer(args) };
    },
  };
}

/** Answers new-session and split-window with fresh pane ids, display-message with a window id. */
export function paneIds(first = 5): (args: string[]) => Partial<ExecResult> {
  let next = first;
  return (args) => {
    if (args[0] === 'new-session' || args[0] === 'split-window') return { stdout: `%${next++}\n` };
    if (args[0] === 'display-message') return { stdout: '@2\n' };
    return {};
  };
}
