/** Probes in words, for messages and the ready summary. */
import type { Probe } from './types.js';

/** A probe as a short phrase: "HTTP http://…", "TCP port 5001", "a line matching /…/". */
export function describeProbe(probe: Probe): string {
  switch (probe.kind) {
    case 'http':
      return `HTTP ${probe.url}`;
    case 'tcp':
      return `TCP port ${probe.port}`;
    case 'log':
      return `an output line matching /${probe.pattern}/`;
    case 'none':
      return 'no probe';
  }
}

/** The URL a user opens for a service: the origin of its HTTP probe, else localhost on its port, else null. */
export function serviceUrl(probe: Probe, port: number | null): string | null {
  if (probe.kind === 'http') {
    try {
      return `${new URL(probe.url).origin}/`;
    } catch {
      return probe.url;
    }
  }
  return port === null ? null : `http://localhost:${port}/`;
}
