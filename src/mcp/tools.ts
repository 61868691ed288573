/** The MCP tools: what each does (one line an agent can act on), its input schema, and how it answers. */
import * as z from 'zod';
import { workspaceSecretMasker } from '../env/load.js';
import { FailedError, TovrunError } from '../errors.js';
import { workspaceLogFiles } from '../panes/log-names.js';
import { NotRunningError, requestRestart, requestStartService, requestStatus, requestStopService } from '../supervisor/control/client.js';
import { readErrors, readLogs } from '../supervisor/control/log-reader.js';
import { restartTimeoutMs } from '../supervisor/restart-timeout.js';
import { parseSince } from '../text/since.js';
import { loadCommandWorkspace } from '../workspace/load.js';
import type { Workspace } from '../workspace/types.js';
import { boundedJson, maxErrorBlockLines, maxResultChars } from './bound.js';
import { runTovrun, type TovrunProgram } from './run-tovrun.js';

/** A tool's answer as MCP carries it: one text part (compact JSON, at most maxResultChars characters), and whether it failed. */
export interface ToolResult {
  [key: string]: unknown;
  content: { type: 'text'; text: string }[];
  isError?: boolean;
}

/** One tool: its name, one-line description, input schema (zod fields) and handler. */
export interface ToolDefinition {
  name: string;
  description: string;
  input: z.ZodRawShape;
  run(args: Record<string, unknown>): Promise<ToolResult>;
}

/** The most lines the logs tool returns (default 100). */
export const maxLogLines = 500;
/** How long the up tool waits for `tovrun up --detach` (installs included). */
export const upTimeoutMs = 15 * 60_000;

const service = z.string().min(1).describe('the service name, as the status tool lists it (e.g. "backend")');

function text(value: Record<string, unknown>, listKey: string | null, mask: (text: string) => string, isError = false): ToolResult {
  // The data is masked where it is made; masking the whole text again with the workspace's secrets is the last guard.
  return { content: [{ type: 'text', text: mask(boundedJson(value, listKey)) }], ...(isError ? { isError: true } : {}) };
}

/** The tools for the workspace at program.cwd; each masks its whole result with the workspace's secrets. */
export function mcpTools(program: TovrunProgram): ToolDefinition[] {
  // The instance TOVRUN_INSTANCE (or `tovrun mcp --instance`) names, as every other command of a running tovrun takes it.
  const workspace = (): Workspace => loadCommandWorkspace({ cwd: program.cwd, env: program.env });
  /** Runs work with the workspace, turning tovrun's errors (none running, unknown service…) into a result that says what to do. */
  const guarded =
    (listKey: string | null, work: (ws: Workspace, args: Record<string, unknown>) => Promise<Record<string, unknown>>) =>
    async (args: Record<string, unknown>): Promise<ToolResult> => {
      let mask = (each: string) => each;
      try {
        const ws = workspace();
        mask = workspaceSecretMasker(ws);
        return text(await work(ws, args), listKey, mask);
      } catch (error) {
        if (error instanceof NotRunningError)
          return text(
            { running: false, error: `No tovrun is running in ${program.cwd}.`, fix: 'Start one with the up tool (or `tovrun up --detach` in that folder).' },
            null,
            mask,
            true,
          );
        if (error instanceof TovrunError) return text({ error: error.message, fix: error.hint ?? null }, null, mask, true);
        throw error;
      }
    };
  const files = (ws: Workspace) =>
    workspaceLogFiles(
      ws.stateDir,
      ws.services.map((each) => each.name),
    );
  const command = async (args: string[], timeoutMs: number) => {
    const run = await runTovrun(program, args, timeoutMs);
    if (run.code !== 0)
      throw new FailedError(`\`tovrun ${args.join(' ')}\` failed (exit ${run.code ?? 'killed'}): ${`${run.stderr}${run.stdout}`.trim().slice(-4_000)}`);
    return run;
  };
  return [
    {
      name: 'status',
      description: 'Show every service of the tovrun running here: kind, state, ready, pid, port, URL, readiness time, uptime, restarts, last exit.',
      input: {},
      run: guarded('services', async (ws) => ({ ...(await requestStatus(ws.stateDir)) })),
    },
    {
      name: 'logs',
      description: `Search recent service output (oldest first): pick a service, a grep regex, a since (30s, 10m, 2h) and how many lines (default 100, at most ${maxLogLines}).`,
      input: {
        service: service.optional(),
        grep: z.string().optional().describe('a JavaScript regular expression the lines must match, e.g. "GET /api|ERROR"'),
        since: z.string().optional().describe('only lines since a duration ago (30s, 10m, 2h) or a time (14:05, 2026-12-04T14:05:00Z)'),
        lines: z.number().int().min(1).max(maxLogLines).optional().describe('the last this many matching lines (default 100)'),
      },
      run: guarded('lines', async (ws, args) => {
        const since = typeof args.since === 'string' ? parseSince(args.since, Date.now()) : null;
        const query = {
          service: (args.service as string | undefined) ?? null,
          grep: (args.grep as string | undefined) ?? null,
          since,
          lines: (args.lines as number | undefined) ?? 100,
        };
        return { ...(await readLogs(ws.stateDir, query, files(ws))) };
      }),
    },
    {
      name: 'errors',
      description: "Show each service's last error (a Python traceback, a Vite/esbuild error, a failed start or readiness): start here when a request fails.",
      input: {},
      run: guarded('errors', async (ws) => {
        const { source, errors } = await readErrors(ws.stateDir, files(ws));
        const trimmed = errors.map((error) => {
          const cut = Math.max(0, error.lines.length - maxErrorBlockLines);
          return { ...error, lines: error.lines.slice(cut), omitted: error.omitted + cut };
        });
        return { source, errors: trimmed, ...(trimmed.length === 0 ? { note: 'no service printed an error block' } : {}) };
      }),
    },
    {
      name: 'restart',
      description: 'Restart one service (after changing its code or .env) and wait until it is ready again; returns its new pid.',
      input: { service },
      run: guarded(null, async (ws, args) => ({
        ...(await requestRestart(ws.stateDir, args.service as string, { timeoutMs: restartTimeoutMs(ws, args.service as string) })),
      })),
    },
    {
      name: 'stop',
      description: 'Stop one service alone (the services depending on it keep running); the start tool starts it again.',
      input: { service },
      run: guarded(null, async (ws, args) => ({
        stopped: await requestStopService(ws.stateDir, args.service as string, { timeoutMs: restartTimeoutMs(ws, args.service as string) }),
      })),
    },
    {
      name: 'start',
      description: 'Start again a service stopped with the stop tool, and wait until it is ready.',
      input: { service },
      run: guarded(null, async (ws, args) => ({
        ...(await requestStartService(ws.stateDir, args.service as string, { timeoutMs: restartTimeoutMs(ws, args.service as string) })),
      })),
    },
    {
      name: 'check',
      description: "Run tovrun's read-only doctor (.env against its template, toolchains, dependencies, ports, compose, hygiene): each finding with its fix.",
      input: {
        checks: z.array(z.string()).optional().describe('only these checks: env, toolchains, dependencies, ports, compose, hygiene, database (default all)'),
      },
      run: guarded('findings', async (ws, args) => {
        const run = await runTovrun(program, ['check', '--json', ...((args.checks as string[] | undefined) ?? [])], 5 * 60_000);
        if (run.code !== 0 && run.code !== 1) throw new FailedError(`tovrun check failed: ${run.stderr.trim().slice(-4_000)}`);
        return { workspace: ws.root, passed: run.code === 0, findings: JSON.parse(run.stdout) as unknown[] };
      }),
    },
    {
      name: 'up',
      description: 'Start the whole stack in the background (installing what changed) and wait until every service is ready; fails with the reason.',
      input: {
        profiles: z.array(z.string()).optional().describe('compose profiles to start too (e.g. "local-db")'),
        only: z.array(z.string()).optional().describe('start only these services'),
      },
      run: guarded('services', async (ws, args) => {
        const running = await requestStatus(ws.stateDir).catch((error: unknown) => {
          if (error instanceof NotRunningError) return null;
          throw error;
        });
        if (running) return { ...running, note: 'tovrun was already running here; nothing was started (down stops it).' };
        const profiles = ((args.profiles as string[] | undefined) ?? []).flatMap((profile) => ['-p', profile]);
        const only = (args.only as string[] | undefined) ?? [];
        await command(['up', '--detach', ...profiles, ...(only.length > 0 ? ['--only', ...only] : [])], upTimeoutMs);
        return { ...(await requestStatus(ws.stateDir)) };
      }),
    },
    {
      name: 'down',
      description: 'Stop the tovrun running here and everything it started (services, their process trees, compose containers).',
      input: {},
      run: guarded(null, async () => ({ output: (await command(['down'], 5 * 60_000)).stdout.trim() })),
    },
  ];
}

/** The bound every result keeps to, said in the server's instructions. */
export const resultBound = `Each result is compact JSON of at most ${maxResultChars} characters; longer lists keep their newest items and say how many were left out.`;
