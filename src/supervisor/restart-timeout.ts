/** How long a requested restart (or start) of one service may take, from the workspace's timeouts. */
import type { Workspace } from '../workspace/types.js';

/** Time beyond the stop and the probe for the rest of a restart (the forced kill's wait, spawning, the answer). */
const restartSlackMs = 15_000;

/** How long a restart of service may take: the old process's grace period, then its probes' timeouts, then slack. */
export function restartTimeoutMs(workspace: Workspace, service: string): number {
  const spec = workspace.services.find((each) => each.name === service);
  const probes = spec ? [spec.probe, spec.probeFallback].reduce((sum, probe) => sum + (probe && 'timeoutMs' in probe ? probe.timeoutMs : 0), 0) : 0;
  return workspace.shutdownTimeoutMs + probes + restartSlackMs;
}
