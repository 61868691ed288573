/** How a process ended, in the words tovrun prints (by the supervisor's events and by a pane's agent alike). */
import type { ProcessExit } from './launcher.js';

/** How a process ended, in words: "exited with code 1", "was killed by SIGKILL". */
export function describeExit(exit: ProcessExit): string {
  if (exit.signal !== null) return `was killed by ${exit.signal}`;
  return `exited with code ${exit.code ?? 'unknown'}`;
}
