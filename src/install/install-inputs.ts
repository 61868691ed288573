/** The files a service's install depends on (what its stamp's fingerprint hashes), for the install and for whoever follows them. */
import path from 'node:path';
import { readText } from '../files/read-text.js';
import type { NodeService, PythonService, ServiceSpec } from '../workspace/types.js';
import { requirementFiles } from './requirements.js';

/** A python service's requirements files: the main one and every file it pulls in with -r or -c. */
export function pythonInputFiles(service: PythonService): string[] {
  return requirementFiles(service.requirements, readText);
}

/** A node service's package.json and package-lock.json. */
export function nodeInputFiles(service: NodeService): string[] {
  return ['package.json', 'package-lock.json'].map((name) => path.join(service.dir, name));
}

/** The absolute files whose change makes the service's install due; none for a command service. */
export function installInputFiles(service: ServiceSpec): string[] {
  if (service.type === 'python') return pythonInputFiles(service);
  if (service.type === 'node') return nodeInputFiles(service);
  return [];
}
