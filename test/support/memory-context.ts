// A RunContext that records output in memory, for running commands in tests without a terminal.
import type { Output, RunContext } from '../../src/context.js';

/** An Output that keeps what was written. */
export interface MemoryOutput extends Output {
  text(): string;
}

/** A fresh in-memory output; isTTY as given. */
export function memoryOutput(isTTY = false): MemoryOutput {
  const chunks: string[] = [];
  return { write: (text) => void chunks.push(text), isTTY, columns: 100, text: () => chunks.join('') };
}

/** A context rooted at cwd with in-memory stdout and stderr. */
export function memoryContext(cwd: string, overrides: Partial<RunContext> = {}): RunContext & { stdout: MemoryOutput; stderr: MemoryOutput } {
  return {
    cwd,
    env: { PATH: process.env.PATH ?? '' },
    platform: 'linux',
    debug: false,
    ...overrides,
    stdout: memoryOutput(),
    stderr: memoryOutput(),
  };
}
