/** Ordering by depends_on: each service's two milestones (first spawn, first readiness) and a dependent's wait for them. */
import { deferred } from '../os/deferred.js';
import type { DependencyCondition, LaunchSpec } from '../plan/launch-spec.js';

/** How a milestone, or a dependent's whole wait, ended. */
export type MilestoneOutcome = { kind: 'met' } | { kind: 'failed'; reason: string } | { kind: 'stopped' };

/** How a dependent's wait ended: every dependency met, one failed (named), or the run stopped. */
export type DependencyWait = { kind: 'met' } | { kind: 'failed'; dependency: string; condition: DependencyCondition; reason: string } | { kind: 'stopped' };

/** One milestone: its outcome once settled from outside (the first settlement wins), and a promise of it. */
class Milestone {
  settled: MilestoneOutcome | null = null;
  private readonly outcome = deferred<MilestoneOutcome>();
  readonly promise = this.outcome.promise;

  settle(outcome: MilestoneOutcome): void {
    if (this.settled) return;
    this.settled = outcome;
    this.outcome.resolve(outcome);
  }
}

/** One service's milestones as its dependents see them: "started" (first spawn) and "healthy" (first probe passed). */
export class Milestones {
  private readonly conditions = { started: new Milestone(), healthy: new Milestone() };

  /** Resolves when the condition is met, can no longer be met, or the run stops. */
  of(condition: DependencyCondition): Promise<MilestoneOutcome> {
    return this.conditions[condition].promise;
  }

  /** Whether the service's first process was spawned. */
  get spawned(): boolean {
    return this.conditions.started.settled?.kind === 'met';
  }

  /** Settles one condition (the first settlement wins); a met "healthy" also means "started". */
  settle(condition: DependencyCondition, outcome: MilestoneOutcome): void {
    if (condition === 'healthy' && outcome.kind === 'met') this.conditions.started.settle(outcome);
    this.conditions[condition].settle(outcome);
  }

  /** Settles both conditions that are still open. */
  settleAll(outcome: MilestoneOutcome): void {
    this.conditions.started.settle(outcome);
    this.conditions.healthy.settle(outcome);
  }
}

/** Waits until every dependency meets its condition; the first one that fails (or a stop) ends the wait at once. */
export function waitForDependencies(
  dependsOn: Readonly<Record<string, DependencyCondition>>,
  milestonesOf: (name: string) => Milestones,
): Promise<DependencyWait> {
  const entries = Object.entries(dependsOn);
  if (entries.length === 0) return Promise.resolve({ kind: 'met' });
  return new Promise((resolve) => {
    let pending = entries.length;
    for (const [dependency, condition] of entries) {
      void milestonesOf(dependency)
        .of(condition)
        .then((outcome) => {
          if (outcome.kind === 'failed') resolve({ kind: 'failed', dependency, condition, reason: outcome.reason });
          else if (outcome.kind === 'stopped') resolve(outcome);
          else if (--pending === 0) resolve(outcome);
        });
    }
  });
}

/** The services that cannot start because `failed` failed: waiting dependents needing it (ready, or spawned when it never was), and theirs in turn. */
export function blockedDependents(failed: string, spawned: boolean, specs: readonly LaunchSpec[], waiting: (name: string) => boolean): string[] {
  const blocked: string[] = [];
  const queue = [failed];
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    for (const spec of specs) {
      const condition = spec.dependsOn?.[name];
      if (condition === undefined || blocked.includes(spec.name) || !waiting(spec.name)) continue;
      if (name === failed && condition === 'started' && spawned) continue;
      blocked.push(spec.name);
      queue.push(spec.name);
    }
  }
  return blocked;
}

/** "db (healthy), cache (started)". */
export function describeDependencies(dependsOn: Readonly<Record<string, DependencyCondition>>): string {
  return Object.entries(dependsOn)
    .map(([name, condition]) => `${name} (${condition})`)
    .join(', ');
}
