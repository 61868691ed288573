import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configCacheFile, recallConfig, rememberConfig, tovrunIdentity } from '../../src/workspace/config-cache.js';
import { loadWorkspace } from '../../src/workspace/load.js';

/** A workspace with a tovrun.yaml (and, unless told otherwise, a .tovrun/ folder as any earlier run leaves). */
function workspace(yaml: string, withState = true): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tovrun-config-cache-'));
  writeFileSync(path.join(root, 'tovrun.yaml'), yaml);
  if (withState) mkdirSync(path.join(root, '.tovrun'));
  return root;
}

const worker = 'preset: none\nservices:\n  worker:\n    type: command\n    command: ["node", "worker.js"]\n';

describe('tovrun.yaml parse remembered between runs', () => {
  it('is remembered in .tovrun/ and recalled for the same text', () => {
    const root = workspace(worker);
    const first = loadWorkspace(root);
    const cache = JSON.parse(readFileSync(configCacheFile(path.join(root, '.tovrun')), 'utf8')) as { text: string; config: unknown };
    expect(cache.text).toBe(worker);
    // Recall proof: a remembered config differing from the text is what the next load gets (never the case for real).
    rememberConfig(path.join(root, '.tovrun'), worker, tovrunIdentity(), { preset: 'none', services: { other: { type: 'command', command: ['true'] } } });
    expect(loadWorkspace(root).services.map((service) => service.name)).toEqual(['other']);
    expect(first.services.map((service) => service.name)).toEqual(['worker']);
  });

  it('is parsed afresh when the text changed, and an invalid file is never remembered', () => {
    const root = workspace(worker);
    loadWorkspace(root);
    writeFileSync(path.join(root, 'tovrun.yaml'), worker.replace('worker:', 'jobs:'));
    expect(loadWorkspace(root).services.map((service) => service.name)).toEqual(['jobs']);
    writeFileSync(path.join(root, 'tovrun.yaml'), 'services: [\n');
    expect(() => loadWorkspace(root)).toThrow(/not valid YAML/);
    expect(recallConfig(path.join(root, '.tovrun'), 'services: [\n', tovrunIdentity())).toBeUndefined();
  });

  it('is not recalled by another tovrun build', () => {
    const root = workspace(worker);
    loadWorkspace(root);
    expect(recallConfig(path.join(root, '.tovrun'), worker, tovrunIdentity())).toBeDefined();
    expect(recallConfig(path.join(root, '.tovrun'), worker, 'another build')).toBeUndefined();
  });

  it('writes nothing without a .tovrun/ folder, or for the doctor (recall only)', () => {
    const fresh = workspace(worker, false);
    loadWorkspace(fresh);
    expect(existsSync(path.join(fresh, '.tovrun'))).toBe(false);
    const doctor = workspace(worker);
    loadWorkspace(doctor, undefined, 'recall');
    expect(existsSync(configCacheFile(path.join(doctor, '.tovrun')))).toBe(false);
  });

  it('is best effort: a cache that cannot be written leaves the load unharmed', () => {
    const root = workspace(worker);
    // A folder where the cache file would go: the atomic rename onto it fails (even for root).
    mkdirSync(path.join(configCacheFile(path.join(root, '.tovrun')), 'blocked'), { recursive: true });
    expect(loadWorkspace(root).services.map((service) => service.name)).toEqual(['worker']);
  });
});
