/** `tovrun mcp`: a Model Context Protocol server over stdio (the official SDK), its tools driving the workspace's tovrun. */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { resultBound, type ToolDefinition } from './tools.js';

/** Who the server says it is, and the tools it offers. */
export interface McpServerOptions {
  version: string;
  tools: readonly ToolDefinition[];
  /** Where the protocol flows: this process's stdin and stdout by default. */
  stdin?: NodeJS.ReadableStream;
  stdout?: NodeJS.WritableStream;
}

/** What the server tells a client about all tools at once. */
export const serverInstructions = `tovrun runs this workspace's services (Flask, Vite, compose). Start the stack with up, then use status, logs, errors, restart, stop/start, check; down stops it. ${resultBound} No secret value appears in a result.`;

/** Serves the tools until the client closes stdin (or the transport fails); resolves then. */
export async function serveMcp(options: McpServerOptions): Promise<void> {
  const server = new McpServer({ name: 'tovrun', version: options.version }, { instructions: serverInstructions });
  for (const tool of options.tools) {
    server.registerTool(tool.name, { description: tool.description, inputSchema: tool.input }, (args: Record<string, unknown>) => tool.run(args));
  }
  const transport = new StdioServerTransport(options.stdin as never, options.stdout as never);
  await server.connect(transport);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
  });
  const stdin = options.stdin ?? process.stdin;
  stdin.once('end', () => void server.close());
  await closed;
}
