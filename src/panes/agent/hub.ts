/** tovrun's side of the pane agents: tickets handed to panes, and the connections that come back with them. */
import type { AgentEntrance } from '../../control/agent-route.js';
import type { LineConnection } from '../../control/line-connection.js';
import { type Deferred, deferred } from '../../os/deferred.js';
import { newTicket } from './agent-command.js';
import { type AgentHello, parseAgentHello } from './messages.js';

/** One pane's ticket and the connections its agents make (the runner always; the pipe only in tmux). */
export interface AgentSlot {
  readonly ticket: string;
  readonly runner: Promise<LineConnection>;
  readonly pipe: Promise<LineConnection>;
}

/** Hands out tickets and matches agents' hellos on the control socket to them; a connection with an unknown ticket is closed. */
export class AgentHub {
  private readonly slots = new Map<string, Record<AgentHello['role'], Deferred<LineConnection>>>();

  constructor(
    /** The control socket the agents connect to. */
    readonly socketPath: string,
  ) {}

  /** A hub receiving the agents that connect to control. */
  static on(control: AgentEntrance): AgentHub {
    const hub = new AgentHub(control.socketPath);
    control.routeAgents((connection, line) => hub.accept(connection, line));
    return hub;
  }

  /** A new ticket for a pane about to be opened. */
  register(ticket = newTicket()): AgentSlot {
    const slot = { runner: deferred<LineConnection>(), pipe: deferred<LineConnection>() };
    this.slots.set(ticket, slot);
    return { ticket, runner: slot.runner.promise, pipe: slot.pipe.promise };
  }

  /** Forgets a ticket: an agent arriving with it later is turned away (and so leaves). */
  release(ticket: string): void {
    this.slots.delete(ticket);
  }

  /** Takes a connection whose first line is an agent's hello (true), or leaves it to the control requests (false). */
  accept(connection: LineConnection, firstLine: string): boolean {
    const hello = parseAgentHello(firstLine);
    if (!hello) return false;
    const slot = this.slots.get(hello.ticket);
    if (slot) slot[hello.role].resolve(connection);
    else connection.destroy();
    return true;
  }
}
