/** The one summary printed when every service is ready: name, URL and time to ready, aligned. */
import { formatSeconds } from '../text/seconds.js';
import { defaultInstance, describeInstance, type Instance } from '../workspace/instance.js';
import type { ReadyService } from '../workspace/types.js';

/** "Ready:" (for an instance above 0, "Ready, instance 1 (ports +10):") then one aligned line per service (name, URL or "-", time to ready). */
export function formatReadySummary(services: readonly Pick<ReadyService, 'name' | 'url' | 'readyMs'>[], instance: Instance = defaultInstance): string {
  const nameWidth = Math.max(0, ...services.map((service) => service.name.length));
  const urlWidth = Math.max(1, ...services.map((service) => (service.url ?? '-').length));
  const rows = services.map(
    (service) => `  ${service.name.padEnd(nameWidth)}  ${(service.url ?? '-').padEnd(urlWidth)}  ready in ${formatSeconds(service.readyMs)}`,
  );
  const described = describeInstance(instance);
  return `Ready${described === '' ? '' : `, ${described}`}:\n${rows.join('\n')}\n`;
}
