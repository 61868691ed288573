/** Runs the due installs in parallel as listr2 tasks: a live list in a terminal, plain lines in a pipe or under CI. */
import type { ListrTask } from 'listr2';
import type { RunContext } from '../context.js';
import type { InstallObserver } from '../os/install-observer.js';
import { outputStream } from './output-stream.js';
import type { InstallReporter, PreparedInstall } from './service-install.js';

/** A service due for install, or whose check already failed (error set, prepared absent). */
export interface DueInstall {
  name: string;
  prepared?: PreparedInstall;
  error?: unknown;
}

/** How one service's install ended. */
export interface ServiceOutcome {
  name: string;
  status: 'installed' | 'up-to-date' | 'failed';
  /** Why it was installed (e.g. "backend/requirements.txt changed"). */
  reason?: string;
  durationMs: number;
  warnings: string[];
  /** Set when status is 'failed'. */
  error?: unknown;
}

/** Whether output is a live terminal list: a TTY and not under CI. */
export function isLiveOutput(ctx: Pick<RunContext, 'stdout' | 'env'>): boolean {
  const ci = ctx.env.CI;
  const underCi = ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
  return ctx.stdout.isTTY && !underCi;
}

/** Runs every due install at once; a failure is kept in its outcome, so the others finish (and keep their stamps). */
export async function runInstallTasks(due: readonly DueInstall[], ctx: RunContext, observed?: ObservedInstalls): Promise<ServiceOutcome[]> {
  if (observed) return Promise.all(due.map((item) => observedInstall(item, observed)));
  const { Listr, ListrLogger, ProcessOutput } = await import('listr2');
  const live = isLiveOutput(ctx);
  const outcomes = new Map<string, ServiceOutcome>();
  const tasks: ListrTask[] = due.map((item) => ({
    title: item.prepared?.reason ? `${item.name} (${item.prepared.reason})` : item.name,
    rendererOptions: { outputBar: 1, persistentOutput: false },
    task: async (_context, task) => {
      const started = Date.now();
      const warnings: string[] = [];
      const show = (text: string) => {
        task.output = live ? text : `${item.name}: ${text}`;
      };
      const reporter: InstallReporter = {
        step: show,
        toolOutput: live ? show : () => undefined,
        warn: (message) => {
          warnings.push(message);
          show(`warning: ${message}`);
        },
      };
      const base = { name: item.name, warnings, ...(item.prepared?.reason ? { reason: item.prepared.reason } : {}) };
      try {
        if (!item.prepared) throw item.error;
        await item.prepared.install(reporter);
        outcomes.set(item.name, { ...base, status: 'installed', durationMs: Date.now() - started });
        task.title = `${item.name}: installed in ${((Date.now() - started) / 1000).toFixed(1)}s`;
      } catch (error) {
        outcomes.set(item.name, { ...base, status: 'failed', durationMs: Date.now() - started, error });
        task.title = `${item.name}: failed`;
        throw error;
      }
    },
  }));
  const logger = new ListrLogger({ processOutput: new ProcessOutput(outputStream(ctx.stdout), outputStream(ctx.stderr)), useIcons: true });
  const list = new Listr(tasks, {
    concurrent: true,
    exitOnError: false,
    registerSignalListeners: false,
    renderer: live ? 'default' : 'simple',
    fallbackRenderer: 'simple',
    rendererOptions: { logger, showErrorMessage: false, formatOutput: 'truncate' },
    fallbackRendererOptions: { logger },
  });
  await list.run();
  return due.map((item) => outcomes.get(item.name) ?? { name: item.name, status: 'failed', durationMs: 0, warnings: [], error: item.error });
}

/** An observer, and how a failed outcome reads (the report's lines: failure-report.ts, which imports this file's types). */
export interface ObservedInstalls {
  observer: InstallObserver;
  failureLines(outcome: ServiceOutcome): string[];
}

/** One due install reported to an observer instead of a listr2 task: same outcome, same reporter, every tool line shown. */
async function observedInstall(item: DueInstall, { observer, failureLines }: ObservedInstalls): Promise<ServiceOutcome> {
  const started = Date.now();
  const warnings: string[] = [];
  const show = (text: string) => observer.line(item.name, text);
  const reporter: InstallReporter = {
    step: show,
    toolOutput: show,
    warn: (message) => {
      warnings.push(message);
      show(`warning: ${message}`);
    },
  };
  const base = { name: item.name, warnings, ...(item.prepared?.reason ? { reason: item.prepared.reason } : {}) };
  observer.started(item.name, item.prepared?.reason);
  try {
    if (!item.prepared) throw item.error;
    await item.prepared.install(reporter);
    observer.finished(item.name, 'installed', []);
    return { ...base, status: 'installed', durationMs: Date.now() - started };
  } catch (error) {
    const outcome: ServiceOutcome = { ...base, status: 'failed', durationMs: Date.now() - started, error };
    observer.finished(item.name, 'failed', failureLines(outcome));
    return outcome;
  }
}
