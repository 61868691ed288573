// The root package.json pin: a new private manifest, or two entries added to an existing one with every other byte kept.
import { describe, expect, it } from 'vitest';
import { newPackageJson, packageNameFor, pinnedSpec, planPackagePin } from '../../src/init/package-pin.js';
import type { InitReader } from '../../src/init/types.js';

const readerWith = (text: string | undefined): InitReader => ({ readText: () => text, exists: () => text !== undefined }) as unknown as InitReader;
const edited = (text: string, spec = '0.1.0') => {
  const [action] = planPackagePin('/repo/TovPlay', spec, readerWith(text)).actions;
  return action?.kind === 'edit' ? action.text : undefined;
};

describe('planPackagePin', () => {
  it('writes a private package.json pinning tovrun, with `npm run dev` running it, when the root has none', () => {
    const { actions } = planPackagePin('/repo/TovPlay', '0.1.0', readerWith(undefined));
    expect(actions).toHaveLength(1);
    expect(actions[0]?.kind === 'write' && JSON.parse(actions[0].text)).toEqual({
      name: 'tovplay',
      private: true,
      scripts: { dev: 'tovrun' },
      devDependencies: { tovrun: '0.1.0' },
    });
  });

  it('adds both entries to an existing package.json and keeps every other byte, its indentation and key order', () => {
    const original =
      '{\n    "name": "web",\n    "version": "2.0.0",\n    "scripts": {\n        "build": "webpack"\n    },\n    "devDependencies": {\n        "webpack": "^5"\n    }\n}\n';
    const text = edited(original) ?? '';
    expect(text).toBe(
      '{\n    "name": "web",\n    "version": "2.0.0",\n    "scripts": {\n        "build": "webpack",\n        "dev": "tovrun"\n    },\n    "devDependencies": {\n        "webpack": "^5",\n        "tovrun": "0.1.0"\n    }\n}\n',
    );
  });

  it('keeps a one-line manifest one JSON object with the rest unchanged, and CRLF files CRLF', () => {
    const oneLine = '{"name":"plain-node","private":true,"main":"server.js","scripts":{"start":"node server.js"}}';
    const parsed = JSON.parse(edited(oneLine) ?? '') as Record<string, unknown>;
    expect(parsed).toEqual({
      name: 'plain-node',
      private: true,
      main: 'server.js',
      scripts: { start: 'node server.js', dev: 'tovrun' },
      devDependencies: { tovrun: '0.1.0' },
    });
    const crlf = edited('{\r\n  "name": "x"\r\n}\r\n') ?? '';
    expect(crlf.replace(/\r\n/g, '')).not.toContain('\n');
    expect(JSON.parse(crlf)).toEqual({ name: 'x', devDependencies: { tovrun: '0.1.0' }, scripts: { dev: 'tovrun' } });
  });

  it('leaves a tovrun dependency and a dev script that exist alone, and says so', () => {
    const original = '{"scripts":{"dev":"vite"},"dependencies":{"tovrun":"^0.0.9"}}';
    const plan = planPackagePin('/repo/x', 'file:../tovrun.tgz', readerWith(original));
    expect(plan.actions).toEqual([]);
    expect(plan.skipped.map((skip) => `${skip.path}: ${skip.reason}`)).toEqual([
      'package.json dependencies.tovrun: exists (^0.0.9), left as it is',
      'package.json scripts.dev: exists ("vite"), left as it is; run tovrun with `npx tovrun`',
    ]);
  });

  it('a package.json that is not JSON is left alone with the line of the problem and what to add by hand', () => {
    const plan = planPackagePin('/repo/x', '0.1.0', readerWith('{\n  "name": "x",\n  oops\n}\n'));
    expect(plan.actions).toEqual([]);
    expect(plan.skipped[0]?.reason).toMatch(/^not a JSON object \(\w+ at line 3\); add "devDependencies": \{"tovrun": "0.1.0"\}/);
  });

  it('makes npm-valid names from folder names', () => {
    expect(packageNameFor('/x/TovPlay Web!')).toBe('tovplay-web');
    expect(packageNameFor('/x/...')).toBe('workspace');
    expect(JSON.parse(newPackageJson('/x/_a', '^1')).name).toBe('a');
  });

  it('pins a local tarball relative to the root when inside it, absolute when outside; ranges, tags, URLs and git remotes as given', () => {
    expect(pinnedSpec('./dist/tovrun-0.1.0.tgz', '/repo', '/repo')).toBe('file:./dist/tovrun-0.1.0.tgz');
    expect(pinnedSpec('tovrun-0.1.0.tgz', '/repo/backend', '/repo')).toBe('file:./backend/tovrun-0.1.0.tgz');
    expect(pinnedSpec('../tovrun-0.1.0.tgz', '/repo', '/repo')).toBe('file:/tovrun-0.1.0.tgz');
    for (const spec of [
      '^0.1.0',
      '0.1.0',
      'latest',
      'git+https://example.invalid/tovrun.git',
      'github:tovplay/tovrun',
      'https://example.invalid/t.tgz',
      'file:../t.tgz',
    ]) {
      expect(pinnedSpec(spec, '/repo', '/repo')).toBe(spec);
    }
  });
});
