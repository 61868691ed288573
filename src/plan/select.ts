/** Which services a run starts: --backend, --frontend and --only narrow the workspace's list. */
import { UsageError } from '../errors.js';
import { quoteText } from '../workspace/service-name.js';
import type { ServiceSpec } from '../workspace/types.js';

/** The subset flags of `tovrun up`. */
export interface ServiceSelection {
  backend?: boolean;
  frontend?: boolean;
  only?: string[];
}

/** The services to start, in workspace order; a UsageError naming the known services for an unknown name. */
export function selectServices(services: ServiceSpec[], selection: ServiceSelection): ServiceSpec[] {
  const wanted = new Set(selection.only ?? []);
  if (selection.backend) wanted.add('backend');
  if (selection.frontend) wanted.add('frontend');
  if (wanted.size === 0) return services;
  const known = new Set(services.map((service) => service.name));
  const unknown = [...wanted].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new UsageError(
      `no service named ${unknown.map((name) => quoteText(name)).join(', ')} in this workspace.`,
      `Known services: ${[...known].join(', ') || '(none)'}.`,
    );
  }
  return services.filter((service) => wanted.has(service.name));
}
