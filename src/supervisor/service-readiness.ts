/** Readiness of one process: the probe re-run after every restart, so `tovrun status` and `tovrun restart` can tell. */
import { describeExit } from '../os/describe-exit.js';
import type { LaunchedProcess } from '../os/launcher.js';
import { formatSeconds } from '../text/seconds.js';
import { describeProbe, serviceUrl } from '../workspace/describe-probe.js';
import type { SupervisorEvent } from './events.js';
import { type ReadinessResult, waitForReadiness } from './probes/readiness.js';
import type { ServiceRunner } from './service-runner.js';

/** A readiness wait that did not end ready. */
export type NotReady = Extract<ReadinessResult, { kind: 'timeout' | 'exited' | 'invalid' }>;

/** Why a service is not ready, as the rest of a sentence after its name. */
export function notReadyReason(result: NotReady): string {
  if (result.kind === 'timeout') return `was not ready within ${formatSeconds(result.waitedMs)} (waited for ${describeProbe(result.probe)})`;
  if (result.kind === 'exited') return `${describeExit(result.exit)} before it was ready`;
  return `cannot be probed: ${result.message}`;
}

/** What a re-probe needs from the supervisor. */
export interface ReprobeDeps {
  /** Aborted when the run stops. */
  signal: AbortSignal;
  now(): number;
  emit(event: SupervisorEvent): void;
  /** False while the run's first readiness wait still covers this service (it reports instead). */
  announce(): boolean;
}

/** Probes one process of a service until it is ready, exits, times out, or the run stops; marks the runner ready. */
export async function probeProcess(runner: ServiceRunner, launched: LaunchedProcess, deps: ReprobeDeps): Promise<ReadinessResult> {
  const { spec } = runner;
  const result = await waitForReadiness({
    probe: spec.probe,
    fallback: spec.probeFallback,
    subscribeLines: (listener) => runner.subscribeLines(listener),
    stopped: launched.exit,
    signal: deps.signal,
    now: deps.now,
  });
  if (result.kind === 'ready') {
    runner.markReady(launched, result.readyMs);
    if (deps.announce()) deps.emit({ type: 'ready', service: spec.name, readyMs: result.readyMs, url: serviceUrl(spec.probe, spec.port) });
  } else if ((result.kind === 'timeout' || result.kind === 'invalid') && deps.announce() && runner.process === launched) {
    deps.emit({ type: 'not-ready', service: spec.name, reason: notReadyReason(result) });
  }
  return result;
}
