/** What a pane agent and the tovrun that opened its pane say to each other over the control socket. */
import { parseJsonObject } from '../../files/json-state.js';
import type { OutputStream } from '../../os/launcher.js';

/** An agent's first line: which pane it runs in (its ticket) and its role (runs the service, or forwards the pane's output). */
export interface AgentHello {
  type: 'agent-hello';
  ticket: string;
  role: 'runner' | 'pipe';
}

/** How the agent treats the service's output: leave it on the pane's terminal (tmux) or relay it to tovrun too (Windows). */
export type AgentOutput = 'inherit' | 'relay';

/** tovrun → agent: run the service (again), or leave. */
export type AgentOrder =
  | { type: 'spawn'; service: string; file: string; args: string[]; cwd: string; env: Record<string, string>; output: AgentOutput }
  | { type: 'close' };

/** agent → tovrun: the service's pid, why it could not start, output lines, how it ended. */
export type AgentReport =
  | { type: 'started'; pid: number }
  | { type: 'spawn-failed'; message: string }
  | { type: 'output'; stream: OutputStream; lines: string[] }
  | { type: 'exited'; code: number | null; signal: NodeJS.Signals | null };

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && Object.values(value).every((item) => typeof item === 'string');

/** Parses an agent's hello; null for anything else (a control request). */
export function parseAgentHello(line: string): AgentHello | null {
  const value = parseJsonObject(line);
  if (value?.type !== 'agent-hello' || typeof value.ticket !== 'string' || (value.role !== 'runner' && value.role !== 'pipe')) return null;
  return { type: 'agent-hello', ticket: value.ticket, role: value.role };
}

/** Parses an order from tovrun; null when malformed. */
export function parseAgentOrder(line: string): AgentOrder | null {
  const value = parseJsonObject(line);
  if (value?.type === 'close') return { type: 'close' };
  if (value?.type !== 'spawn') return null;
  const { service, file, args, cwd, env, output } = value;
  if (typeof service !== 'string' || typeof file !== 'string' || !isStrings(args) || typeof cwd !== 'string' || !isStringRecord(env)) return null;
  if (output !== 'inherit' && output !== 'relay') return null;
  return { type: 'spawn', service, file, args, cwd, env, output };
}

/** Parses a report from an agent; null when malformed. */
export function parseAgentReport(line: string): AgentReport | null {
  const value = parseJsonObject(line);
  if (!value) return null;
  if (value.type === 'started' && Number.isInteger(value.pid)) return { type: 'started', pid: value.pid as number };
  if (value.type === 'spawn-failed' && typeof value.message === 'string') return { type: 'spawn-failed', message: value.message };
  if (value.type === 'output' && (value.stream === 'stdout' || value.stream === 'stderr') && isStrings(value.lines))
    return { type: 'output', stream: value.stream, lines: value.lines };
  if (value.type === 'exited' && (value.code === null || Number.isInteger(value.code)) && (value.signal === null || typeof value.signal === 'string')) {
    return { type: 'exited', code: value.code as number | null, signal: value.signal as NodeJS.Signals | null };
  }
  return null;
}

/** The environment as the spawn order carries it (unset variables dropped). */
export function definedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
