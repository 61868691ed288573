/** How pane agents reach tovrun: the control socket they connect to, and the hook that hands their connections over. */
import type { LineConnection } from './line-connection.js';

/** Offered each connection's first line; returns true when it took the connection (a pane agent's hello). */
export type AgentRoute = (connection: LineConnection, firstLine: string) => boolean;

/** What the panes need of the control server (supervisor/control/server.ts): where agents connect, and a route for them. */
export interface AgentEntrance {
  /** The unix socket path or the Windows pipe name. */
  readonly socketPath: string;
  /** Sends connections that open with an agent's hello to route. */
  routeAgents(route: AgentRoute): void;
}
