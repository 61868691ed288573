/** How a pane starts its agent, and the line the agent leaves in the pane when the service has exited. */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describeExit } from '../../os/describe-exit.js';
import type { ProcessExit } from '../../os/launcher.js';
import { packageRoot } from '../../paths.js';

/** How long an agent's service may take to stop after SIGTERM before the agent kills its tree. */
export const serviceStopGraceMs = 3_000;

/** How long a closing tovrun waits for an agent to have stopped its service and left before it closes the pane anyway. */
export const agentLeaveMs = serviceStopGraceMs + 2_000;

/** The hidden command the agents run as. */
export const agentCommandName = '__pane-agent';

/** Which node and which tovrun entry the panes run (this process's by default). */
export interface AgentProgram {
  nodePath: string;
  cliPath: string;
}

/** The node running tovrun and tovrun's bin/tovrun.js. */
export function currentAgentProgram(): AgentProgram {
  return { nodePath: process.execPath, cliPath: path.join(packageRoot, 'bin', 'tovrun.js') };
}

/** A fresh random ticket naming one pane (letters and digits only, safe on every command line). */
export function newTicket(): string {
  return randomBytes(12).toString('hex');
}

/** The agent's argv: node, tovrun, __pane-agent --socket <path> --ticket <ticket> [--pipe]. */
export function agentArgv(program: AgentProgram, socket: string, ticket: string, pipe: boolean): string[] {
  return [program.nodePath, program.cliPath, agentCommandName, '--socket', socket, '--ticket', ticket, ...(pipe ? ['--pipe'] : [])];
}

/** What the agent prints after the service exited (the pane stays open showing it); tovrun also waits for it to know all output arrived. */
export function agentExitLine(service: string, exit: ProcessExit): string {
  return `[tovrun] ${service} ${describeExit(exit)}; this pane stays open until tovrun stops.`;
}
