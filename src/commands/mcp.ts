/** `tovrun mcp`: serves the Model Context Protocol over stdio for coding agents (the SDK loads only for this command). */
import type { RunContext } from '../context.js';
import { ExitCode, FailedError } from '../errors.js';
import { packageVersion } from '../paths.js';

/** Serves until the client closes the connection; exit 0 then. */
export async function runMcpCommand(ctx: RunContext, script: string | undefined = process.argv[1]): Promise<number> {
  if (script === undefined) throw new FailedError('tovrun cannot tell its own script, which the up, down and check tools run.');
  const [{ serveMcp }, { mcpTools }] = await Promise.all([import('../mcp/server.js'), import('../mcp/tools.js')]);
  // --instance reaches the tools' own queries and the tovrun commands they run (check, up, down) as TOVRUN_INSTANCE.
  const env = ctx.instance === undefined ? ctx.env : { ...ctx.env, TOVRUN_INSTANCE: ctx.instance };
  await serveMcp({ version: packageVersion(), tools: mcpTools({ script, cwd: ctx.cwd, env }) });
  return ExitCode.ok;
}
