/**
 * Pure planning of the files a remote engine cannot bind-mount: each workspace folder a service mounts becomes a named
 * volume whose name holds a hash of the folder's files (a changed file gives a new volume, so the next run picks it
 * up), put in place of the bind by a compose override file that v1 and v2 merge by target path.
 */
import path from 'node:path';
import type { PlannedComposeService } from '../plan/compose.js';

/** A workspace folder delivered to the remote engine as a named volume. */
export interface MountDelivery {
  service: string;
  /** The service's image, used (never started) to fill the volume. */
  image: string;
  /** The local folder. */
  source: string;
  target: string;
  readOnly: boolean;
  /** "<project>_tovrun_<service>_<target>_<hash>": the hash of the folder's file names and contents. */
  volume: string;
}

/** A bind mount that cannot be delivered, and why, for --check and the run's notices. */
export interface UndeliverableMount {
  service: string;
  source: string;
  target: string;
  why: string;
}

/** What the local file system tells about a mount source: a folder, a file, or nothing; and a folder's content hash. */
export interface MountSourceInfo {
  kind(source: string): 'folder' | 'file' | 'missing';
  hash(folder: string): string;
}

/** The label on every volume tovrun creates for a project, so a stop or `tovrun down` finds and removes them. */
export const mountVolumeLabel = 'dev.tovrun.mounts';

const slug = (text: string) =>
  text
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 40) || 'root';

const inside = (folder: string, file: string) => {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/** The deliveries for the services' workspace binds, and the binds no remote engine can resolve from this machine. */
export function planRemoteMounts(
  services: readonly PlannedComposeService[],
  workspaceRoot: string,
  project: string,
  source: MountSourceInfo,
): { deliveries: MountDelivery[]; undeliverable: UndeliverableMount[] } {
  const deliveries: MountDelivery[] = [];
  const undeliverable: UndeliverableMount[] = [];
  for (const service of services) {
    for (const bind of service.binds) {
      const where = { service: service.name, source: bind.source, target: bind.target };
      if (!inside(workspaceRoot, bind.source)) {
        undeliverable.push({ ...where, why: "is a path outside the workspace: the remote engine mounts its own host's path of that name, not this machine's" });
        continue;
      }
      const kind = source.kind(bind.source);
      if (kind !== 'folder') {
        undeliverable.push({
          ...where,
          why: kind === 'file' ? 'is a single file: tovrun delivers folders only; mount the folder that holds it' : 'does not exist here',
        });
        continue;
      }
      if (service.image === null) {
        undeliverable.push({ ...where, why: 'belongs to a service that only builds its image: tovrun fills the volume with the service image; set image:' });
        continue;
      }
      const volume = `${project}_tovrun_${slug(service.name)}_${slug(bind.target)}_${source.hash(bind.source).slice(0, 12)}`;
      deliveries.push({ service: service.name, image: service.image, source: bind.source, target: bind.target, readOnly: bind.readOnly, volume });
    }
  }
  return { deliveries, undeliverable };
}

/** The compose override that puts each delivery's volume at its target (in place of the bind) as an external volume. */
export function mountOverride(deliveries: readonly MountDelivery[]): string {
  const services: Record<string, { volumes: object[] }> = {};
  for (const delivery of deliveries) {
    const entry = { type: 'volume', source: delivery.volume, target: delivery.target, read_only: delivery.readOnly };
    const service = services[delivery.service] ?? { volumes: [] };
    service.volumes.push(entry);
    services[delivery.service] = service;
  }
  const volumes = Object.fromEntries(deliveries.map((delivery) => [delivery.volume, { external: true }]));
  // JSON is YAML too: compose v1 and v2 read it, and tovrun needs no YAML writer here.
  return `# Written by tovrun for a remote engine: workspace folders delivered as volumes (see README, "Remote engines").\n${JSON.stringify({ services, volumes }, null, 2)}\n`;
}
