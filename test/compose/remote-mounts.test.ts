import { describe, expect, it } from 'vitest';
import { type MountSourceInfo, mountOverride, planRemoteMounts } from '../../src/compose/remote-mounts.js';
import type { PlannedComposeService } from '../../src/plan/compose.js';

/** A file system of a few folders and files, with a hash per folder (its "content"). */
const sources = (folders: Record<string, string>, files: string[] = []): MountSourceInfo => ({
  kind: (source) => (source in folders ? 'folder' : files.includes(source) ? 'file' : 'missing'),
  hash: (folder) => folders[folder] ?? '',
});

const prometheus: PlannedComposeService = {
  name: 'prometheus',
  url: null,
  image: 'prom/prometheus:v2.53.0',
  binds: [
    { source: '/ws/infra/prometheus', target: '/etc/prometheus', readOnly: true },
    { source: '/var/run/docker.sock', target: '/var/run/docker.sock', readOnly: true },
    { source: '/ws/infra/rules.yml', target: '/etc/rules.yml', readOnly: true },
    { source: '/ws/infra/gone', target: '/gone', readOnly: false },
  ],
};

describe('planRemoteMounts', () => {
  it('delivers workspace folders as volumes named by a content hash, and lists every bind a remote engine cannot resolve', () => {
    const { deliveries, undeliverable } = planRemoteMounts(
      [prometheus],
      '/ws',
      'tovplay',
      sources({ '/ws/infra/prometheus': 'a1b2c3d4e5f6a7b8' }, ['/ws/infra/rules.yml']),
    );
    expect(deliveries).toEqual([
      {
        service: 'prometheus',
        image: 'prom/prometheus:v2.53.0',
        source: '/ws/infra/prometheus',
        target: '/etc/prometheus',
        readOnly: true,
        volume: 'tovplay_tovrun_prometheus_etc-prometheus_a1b2c3d4e5f6',
      },
    ]);
    expect(undeliverable.map((mount) => [mount.source, mount.why])).toEqual([
      ['/var/run/docker.sock', expect.stringContaining('outside the workspace')],
      ['/ws/infra/rules.yml', expect.stringContaining('mount the folder that holds it')],
      ['/ws/infra/gone', 'does not exist here'],
    ]);
  });

  it('names a new volume when a file of the folder changes, so the next run picks the change up', () => {
    const before = planRemoteMounts([prometheus], '/ws', 'p', sources({ '/ws/infra/prometheus': '111111111111' })).deliveries[0]?.volume;
    const after = planRemoteMounts([prometheus], '/ws', 'p', sources({ '/ws/infra/prometheus': '222222222222' })).deliveries[0]?.volume;
    expect(before).not.toBe(after);
  });

  it('cannot fill a volume for a service that only builds its image', () => {
    const built = { ...prometheus, image: null };
    const { deliveries, undeliverable } = planRemoteMounts([built], '/ws', 'p', sources({ '/ws/infra/prometheus': 'ab' }));
    expect(deliveries).toEqual([]);
    expect(undeliverable[0]?.why).toContain('only builds its image');
  });
});

describe('mountOverride', () => {
  it('puts each volume at the bind target as an external volume, in a file compose v1 and v2 both read (JSON is YAML)', () => {
    const { deliveries } = planRemoteMounts([prometheus], '/ws', 'p', sources({ '/ws/infra/prometheus': 'abcdefabcdef' }));
    const text = mountOverride(deliveries);
    const parsed = JSON.parse(text.slice(text.indexOf('\n') + 1));
    expect(parsed).toEqual({
      services: {
        prometheus: { volumes: [{ type: 'volume', source: 'p_tovrun_prometheus_etc-prometheus_abcdefabcdef', target: '/etc/prometheus', read_only: true }] },
      },
      volumes: { 'p_tovrun_prometheus_etc-prometheus_abcdefabcdef': { external: true } },
    });
  });
});
