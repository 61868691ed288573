// The init planner and applier on fixture repositories: never-overwrite, idempotence, dry run, merge report.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyInit } from '../../src/init/apply.js';
import { planInit } from '../../src/init/plan.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyFixture, hashTree, realReader } from './support.js';

const tovplay = { preset: 'tovplay' };

describe('planInit / applyInit', () => {
  it('plans the TovPlay files, .env and .gitignore, and writes nothing while planning', () => {
    const root = copyFixture('tovplay-layout');
    const before = hashTree(root);
    const plan = planInit(root, tovplay, realReader);
    expect(hashTree(root)).toBe(before);
    const paths = plan.actions.map((action) => action.path);
    expect(paths).toEqual(expect.arrayContaining(['tovrun.yaml', '.env.template', 'docker-compose.yml', 'SETUP.md', '.env', '.gitignore', 'infra/README.md']));
  });

  it('never overwrites: existing files are skipped and keep their content', () => {
    const root = copyFixture('tovplay-layout');
    writeFileSync(path.join(root, '.env'), 'MINE=1\n');
    writeFileSync(path.join(root, 'docker-compose.yml'), 'services: {}\n');
    const plan = planInit(root, tovplay, realReader);
    expect(plan.skipped.map((skip) => skip.path)).toEqual(expect.arrayContaining(['.env', 'docker-compose.yml']));
    applyInit(plan);
    expect(readFileSync(path.join(root, '.env'), 'utf8')).toBe('MINE=1\n');
    expect(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')).toBe('services: {}\n');
  });

  it('a second run has nothing to do and changes nothing', () => {
    const root = copyFixture('short-layout');
    applyInit(planInit(root, tovplay, realReader));
    const after = hashTree(root);
    const second = planInit(root, tovplay, realReader);
    expect(second.actions).toEqual([]);
    applyInit(second);
    expect(hashTree(root)).toBe(after);
  });

  it('appends only the missing .gitignore lines, keeping the existing ones', () => {
    const root = copyFixture('tovplay-layout');
    applyInit(planInit(root, tovplay, realReader));
    const text = readFileSync(path.join(root, '.gitignore'), 'utf8');
    expect(text.startsWith('node_modules/\n*.log\n')).toBe(true);
    expect(text.match(/^\.env$/gm)).toHaveLength(1);
    expect(text).toContain('.tovrun/');
  });

  it('.env is created from the .env.template', () => {
    const root = copyFixture('short-layout');
    applyInit(planInit(root, tovplay, realReader));
    expect(readFileSync(path.join(root, '.env'), 'utf8')).toBe(readFileSync(path.join(root, '.env.template'), 'utf8'));
  });

  it('reports per-folder .env and compose files with the differing key names and never their values', () => {
    const plan = planInit(copyFixture('tovplay-layout'), tovplay, realReader);
    const byPath = Object.fromEntries(plan.mergeCandidates.map((candidate) => [candidate.path, candidate]));
    expect(Object.keys(byPath).sort()).toEqual(['tovplay-backend/.env.template', 'tovplay-backend/docker-compose.yml', 'tovplay-frontend/.env.production']);
    expect(byPath['tovplay-backend/.env.template']?.differences).toMatch(/keys only here: LEGACY_BACKEND_ONLY; different values: SECRET_KEY/);
    expect(byPath['tovplay-backend/docker-compose.yml']?.differences).toMatch(/services only here: redis/);
    expect(byPath['tovplay-frontend/.env.production']?.differences).toMatch(/VITE_ONLY_HERE/);
    expect(JSON.stringify(plan.mergeCandidates)).not.toMatch(/old-backend-secret-value|prod\.example\.invalid/);
  });

  it('a plain Node repository gets tovrun.yaml with its service, the pin in its package.json, the launchers and .gitignore, no TovPlay files', () => {
    const root = copyFixture('plain-node');
    const plan = planInit(root, tovplay, realReader);
    expect(plan.actions.map((action) => `${action.kind} ${action.path}`).sort()).toEqual([
      'append .gitignore',
      'edit package.json',
      'write tovrun',
      'write tovrun.cmd',
      'write tovrun.yaml',
    ]);
    const yaml = plan.actions.find((action) => action.path === 'tovrun.yaml');
    expect(yaml?.kind === 'write' && yaml.text).toMatch(/preset: none\nservices:\n {2}repo:\n {4}type: node\n {4}dir: \.\n {4}command: npm start/);
  });

  it('applies the pin to an existing package.json, writes an executable POSIX launcher, and a second run changes nothing', () => {
    const root = copyFixture('plain-node');
    applyInit(planInit(root, tovplay, realReader));
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: unknown; devDependencies: Record<string, string> };
    expect(manifest.scripts).toEqual({ start: 'node server.js', dev: 'tovrun' });
    expect(Object.keys(manifest.devDependencies)).toEqual(['tovrun']);
    expect(statSync(path.join(root, 'tovrun')).mode & 0o111).not.toBe(0);
    const after = hashTree(root);
    expect(planInit(root, tovplay, realReader).actions).toEqual([]);
    expect(hashTree(root)).toBe(after);
  });

  it('a signaling server beside a webpack extension: a valid tovrun.yaml with port 4001 and /status, the dev script only commented, and a compose file with no root to merge into', () => {
    const root = copyFixture('signaling-extension');
    const plan = planInit(root, tovplay, realReader);
    const yaml = plan.actions.find((action) => action.path === 'tovrun.yaml');
    const text = yaml?.kind === 'write' ? yaml.text : '';
    expect(text).toMatch(
      / {2}signaling_server:\n {4}type: node\n {4}dir: signaling_server\n {4}command: npm start\n {4}port: 4001\n {4}probe:\n {6}http: \/status/,
    );
    expect(text).toContain('#   repo-dev: { type: node, dir: ., command: npm run dev }');
    expect(text).not.toMatch(/^ {2}repo:/m);
    expect(plan.mergeCandidates).toEqual([
      {
        path: 'signaling_server/docker-compose.yml',
        into: 'docker-compose.yml',
        differences:
          'there is no root docker-compose.yml to merge it into; move it to the root, or name it in tovrun.yaml (compose: { file: signaling_server/docker-compose.yml })',
      },
    ]);
    applyInit(plan);
    const workspace = loadWorkspace(root, undefined, 'forget');
    expect(workspace.services.map((service) => [service.name, service.port])).toEqual([['signaling_server', 4001]]);
  });

  it('a Node service whose port is not in its code gets the port and probe as commented placeholders', () => {
    const root = copyFixture('plain-node');
    const yaml = planInit(root, tovplay, realReader).actions.find((action) => action.path === 'tovrun.yaml');
    expect(yaml?.kind === 'write' && yaml.text).toMatch(/command: npm start\n {4}# port: 3000 .*\n {4}# probe: \{ http: \/health \}/);
  });

  it('names non-default folders in tovrun.yaml and leaves default ones to the preset', () => {
    const root = copyFixture('short-layout');
    const text = (dir: { backend?: string }) => {
      const action = planInit(root, { ...tovplay, ...dir }, realReader).actions.find((candidate) => candidate.path === 'tovrun.yaml');
      return action?.kind === 'write' ? action.text : '';
    };
    expect(text({})).not.toMatch(/^services:/m);
    expect(text({ backend: 'server' })).toMatch(/services:\n {2}backend:\n {4}dir: server/);
  });

  it('an unknown preset is a usage error naming the known ones', () => {
    expect(() => planInit(copyFixture('plain-node'), { preset: 'rails' }, realReader)).toThrow(/unknown preset "rails"/);
  });
});
