/**
 * Instances: copies of one workspace that run side by side. Instance n moves every port by n × 10, suffixes the compose
 * project name with `-i<n>`, and keeps its run state under .tovrun/instances/<n>/. Instance 0 (the default) is today's
 * run, unchanged. This file is the one place that maps an instance number to its ports, names and state folder.
 */
import path from 'node:path';
import { UsageError } from '../errors.js';

/** How far each instance moves every port: instance n adds n × 10. */
export const instancePortStep = 10;

/**
 * The highest instance number. Offsets up to 90 keep TovPlay's default ports apart across instances (3000, 3001 and
 * 3100; 9090 and 9093; 5001, 5432 and 6432 never meet), which a larger range would not (instance 10's 3000 is 3100).
 */
export const maxInstance = 9;

/** The highest port number. */
export const maxPort = 65_535;

/** Where the instance number came from, in the words messages use. */
export type InstanceSource = 'default' | '--instance' | 'TOVRUN_INSTANCE' | 'tovrun.yaml';

/** Which copy of the workspace a command addresses. */
export interface Instance {
  /** 0 (the default copy) to maxInstance. */
  number: number;
  source: InstanceSource;
  /** True when the number was derived from the git worktree (`auto`). */
  auto: boolean;
}

/** Instance 0, as every run without --instance, TOVRUN_INSTANCE or `instance:` is. */
export const defaultInstance: Instance = { number: 0, source: 'default', auto: false };

/** An instance as asked for: a number, or `auto` (from the git worktree). */
export type InstanceRequest = number | 'auto';

/** What the user asked for outside tovrun.yaml: the --instance flag and the TOVRUN_INSTANCE variable. */
export interface InstanceAsked {
  flag?: string | undefined;
  env?: string | undefined;
}

/** The --instance flag and TOVRUN_INSTANCE of a command's context. */
export function instanceAsked(ctx: { instance?: string | undefined; env: NodeJS.ProcessEnv }): InstanceAsked {
  return { flag: ctx.instance, env: ctx.env.TOVRUN_INSTANCE };
}

/** Parses "auto" or a number 0–9 given with --instance or TOVRUN_INSTANCE; a UsageError naming where it came from otherwise. */
export function parseInstanceRequest(text: string, source: '--instance' | 'TOVRUN_INSTANCE'): InstanceRequest {
  const trimmed = text.trim();
  if (trimmed === 'auto') return 'auto';
  if (/^\d+$/.test(trimmed) && Number(trimmed) <= maxInstance) return Number(trimmed);
  const shown = trimmed.length > 20 ? `${trimmed.slice(0, 20)}…` : trimmed;
  throw new UsageError(
    `${source} ${JSON.stringify(shown)} is not an instance: expected a number from 0 to ${maxInstance}, or auto.`,
    `Instance n moves every port by n × ${instancePortStep}; auto takes the number from the git worktree (0 for the main one). ${
      source === 'TOVRUN_INSTANCE' ? 'Unset TOVRUN_INSTANCE or set it to one of those.' : 'Pass e.g. --instance 1.'
    }`,
  );
}

/** The request that wins and where it came from: --instance, then TOVRUN_INSTANCE, then tovrun.yaml's instance:, else 0. */
export function chooseInstanceRequest(asked: InstanceAsked, configured: InstanceRequest | undefined): { request: InstanceRequest; source: InstanceSource } {
  if (asked.flag !== undefined) return { request: parseInstanceRequest(asked.flag, '--instance'), source: '--instance' };
  if (asked.env !== undefined && asked.env !== '') return { request: parseInstanceRequest(asked.env, 'TOVRUN_INSTANCE'), source: 'TOVRUN_INSTANCE' };
  if (configured !== undefined) return { request: configured, source: 'tovrun.yaml' };
  return { request: 0, source: 'default' };
}

/** How far the instance moves every port. */
export function instanceOffset(instance: number): number {
  return instance * instancePortStep;
}

/** A port as the instance has it: the port plus the instance's offset. */
export function instancePort(port: number, instance: number): number {
  return port + instanceOffset(instance);
}

/** What instance names carry: "" for instance 0, "-i<n>" otherwise. */
export function instanceSuffix(instance: number): string {
  return instance === 0 ? '' : `-i${instance}`;
}

/** The compose project name of the instance: the workspace's, suffixed for instances above 0 (its own containers, networks, volumes). */
export function instanceProjectName(project: string, instance: number): string {
  return `${project}${instanceSuffix(instance)}`;
}

/** The instance's run state folder (state.json, control, logs, compose.json): .tovrun/ itself for 0, .tovrun/instances/<n>/ otherwise. */
export function instanceStateDir(sharedStateDir: string, instance: number): string {
  return instance === 0 ? sharedStateDir : path.join(sharedStateDir, 'instances', String(instance));
}

/** "instance 1 (ports +10, from the git worktree)" for messages; "" for instance 0. */
export function describeInstance(instance: Instance): string {
  if (instance.number === 0) return '';
  const from = instance.auto ? ', from the git worktree' : '';
  return `instance ${instance.number} (ports +${instanceOffset(instance.number)}${from})`;
}

/** The fix for a workspace whose instance already runs: stop that one, or run another copy beside it with the next instance. */
export function alreadyRunningHint(instance: number): string {
  const next = instance < maxInstance ? instance + 1 : 0;
  return `Stop it with Ctrl-C in its terminal, or run \`tovrun down${instanceFlag({ number: instance })}\`; to run another copy beside it, add --instance ${next}.`;
}

/** The flag that addresses the same instance again in a suggested command: " --instance 1", or "" for instance 0. */
export function instanceFlag(instance: Pick<Instance, 'number'>): string {
  return instance.number === 0 ? '' : ` --instance ${instance.number}`;
}
