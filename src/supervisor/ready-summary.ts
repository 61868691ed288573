/** The one summary printed when every service is ready: name, URL and time to ready, aligned. */
import { formatSeconds } from '../text/seconds.js';
import type { ReadyService } from '../workspace/types.js';

/** "Ready:" then one aligned line per service (name, URL or "-", time to ready), ending in a newline. */
export function formatReadySummary(services: readonly Pick<ReadyService, 'name' | 'url' | 'readyMs'>[]): string {
  const nameWidth = Math.max(0, ...services.map((service) => service.name.length));
  const urlWidth = Math.max(1, ...services.map((service) => (service.url ?? '-').length));
  const rows = services.map(
    (service) => `  ${service.name.padEnd(nameWidth)}  ${(service.url ?? '-').padEnd(urlWidth)}  ready in ${formatSeconds(service.readyMs)}`,
  );
  return `Ready:\n${rows.join('\n')}\n`;
}
