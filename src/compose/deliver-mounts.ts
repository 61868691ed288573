/** Fills the remote engine's mount volumes from the local folders, writes the override, and removes the volumes again. */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import { planCopy } from '../files/copy-tree.js';
import { type ComposeClient, outputLines } from './client.js';
import { ComposeCommandError } from './errors.js';
import { type MountDelivery, type MountSourceInfo, mountOverride, mountVolumeLabel } from './remote-mounts.js';

/** The real file system: what a source is, and a folder's hash over its files' relative names and contents. */
export const localMountSources: MountSourceInfo = {
  kind(source) {
    try {
      const stat = statSync(source);
      return stat.isDirectory() ? 'folder' : 'file';
    } catch {
      return 'missing';
    }
  },
  hash(folder) {
    const hash = createHash('sha256');
    for (const file of planCopy(folder, '', () => false))
      hash
        .update(`${path.relative(folder, file.from)}\0`)
        .update(readFileSync(file.from))
        .update('\0');
    return hash.digest('hex');
  },
};

/** The override file's path in the workspace's .tovrun folder. */
export const mountOverridePath = (stateDir: string): string => path.join(stateDir, 'compose.remote.json');

/** Where the helper container mounts the volume while the files are copied in. */
const fillTarget = '/tovrun-fill';

async function must(client: ComposeClient, what: string, args: string[]): Promise<string> {
  const result = await client.engine(args, 120_000);
  if (result.exitCode !== 0) throw new ComposeCommandError(what, `${client.provider.engine} ${args.join(' ')}`, result.output.trim().split('\n').slice(-5));
  return result.output.trim();
}

/**
 * Creates and fills each delivery's volume unless it exists (same name, same content), through a helper container of
 * the service's own image that is created, never started, and removed; then writes the override and returns its path.
 */
export async function deliverMounts(client: ComposeClient, deliveries: readonly MountDelivery[], stateDir: string): Promise<string> {
  for (const delivery of deliveries) {
    if ((await client.engine(['volume', 'inspect', delivery.volume])).exitCode === 0) continue;
    const what = `delivering ${delivery.source} to the remote engine for ${delivery.service}`;
    await must(client, what, ['volume', 'create', '--label', `${mountVolumeLabel}=${client.project.name}`, delivery.volume]);
    let helper = '';
    try {
      helper = await must(client, what, [
        'create',
        '--label',
        `${mountVolumeLabel}=${client.project.name}`,
        '-v',
        `${delivery.volume}:${fillTarget}`,
        delivery.image,
        'true',
      ]);
      helper = helper.split('\n').pop() ?? '';
      await must(client, what, ['cp', `${delivery.source}${path.sep}.`, `${helper}:${fillTarget}`]);
    } catch (error) {
      // A half-filled volume must not pass for a filled one next time.
      if (helper !== '') await client.engine(['rm', '-f', helper]);
      await client.engine(['volume', 'rm', delivery.volume]);
      throw error;
    }
    await client.engine(['rm', '-f', helper]);
  }
  const file = mountOverridePath(stateDir);
  writeFileAtomic(file, mountOverride(deliveries));
  return file;
}

/** The ids or names an engine listing printed, one a line; [] when it failed. */
async function listed(client: ComposeClient, args: string[]): Promise<string[]> {
  const result = await client.engine(args);
  return result.exitCode === 0 ? outputLines(result.output).map((line) => line.trim()) : [];
}

/** Removes the project's mount volumes that no container uses any more (and leftover helpers); never throws. */
export async function removeMountVolumes(client: ComposeClient): Promise<void> {
  const label = `label=${mountVolumeLabel}=${client.project.name}`;
  const helpers = await listed(client, ['ps', '-a', '-q', '--filter', label]);
  if (helpers.length > 0) await client.engine(['rm', '-f', ...helpers]);
  for (const volume of await listed(client, ['volume', 'ls', '-q', '--filter', label])) await client.engine(['volume', 'rm', volume]);
}
