import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { loadWorkspace, parseTovrunYaml } from '../../src/workspace/load.js';
import { configError, workspaceDir as workspace } from './support.js';

describe('loadWorkspace', () => {
  it('finds the root upwards from a sub-folder and applies the TovPlay defaults', () => {
    const root = workspace({ '.env.template': 'A=1\n' }, ['tovplay-backend/app', 'tovplay-frontend']);
    const ws = loadWorkspace(path.join(root, 'tovplay-backend', 'app'));
    expect(ws.root).toBe(root);
    expect(ws.configFile).toBeNull();
    const [backend, frontend] = ws.services;
    expect(backend).toMatchObject({ name: 'backend', type: 'python', port: 5001, dir: path.join(root, 'tovplay-backend') });
    expect(backend?.type === 'python' && backend.venv).toBe(path.join(root, 'tovplay-backend', 'venv'));
    expect(backend?.command).toEqual(['python', '-m', 'flask', 'run', '--host', '0.0.0.0', '--port', '5001', '--debug']);
    expect(backend?.probe).toMatchObject({ kind: 'http', url: 'http://127.0.0.1:5001/health' });
    expect(backend?.probeFallback).toMatchObject({ kind: 'tcp', port: 5001 });
    expect(frontend).toMatchObject({ name: 'frontend', type: 'node', port: 3000, dir: path.join(root, 'tovplay-frontend') });
    expect(frontend?.command).toContain('--strictPort');
  });

  it('uses backend/ and frontend/ when those are what exist', () => {
    const root = workspace({ 'docker-compose.yml': 'services: {}\n' }, ['backend', 'frontend']);
    const ws = loadWorkspace(root);
    expect(ws.services.map((service) => path.basename(service.dir))).toEqual(['backend', 'frontend']);
  });

  it('merges tovrun.yaml over the preset: ports, env, extra services, disabled services', () => {
    const root = workspace({
      'tovrun.yaml': [
        'services:',
        '  backend:',
        '    port: 5002',
        '    env: { FLASK_APP: app.py }',
        '  frontend:',
        '    enabled: false',
        '  worker:',
        '    type: command',
        '    command: node worker.js --name "two words"',
        '    restart: { policy: on-failure, maxRetries: 2 }',
      ].join('\n'),
    });
    const ws = loadWorkspace(root);
    expect(ws.configFile).toBe(path.join(root, 'tovrun.yaml'));
    expect(ws.services.map((service) => service.name)).toEqual(['backend', 'worker']);
    expect(ws.services[0]).toMatchObject({ port: 5002, env: { FLASK_APP: 'app.py' } });
    expect(ws.services[0]?.command).toContain('5002');
    expect(ws.services[1]).toMatchObject({ command: ['node', 'worker.js', '--name', 'two words'], restart: { policy: 'on-failure', maxRetries: 2 } });
  });

  it('fails with the markers named when there is no workspace', () => {
    const error = configError(() => loadWorkspace(mkdtempSync(path.join(tmpdir(), 'tovrun-none-'))));
    expect(error.message).toMatch(/no tovrun workspace/);
    expect(error.hint).toMatch(/tovrun\.yaml/);
  });

  it('names tovrun.yaml when it is a folder, and refuses one over 1 MiB', () => {
    const folder = workspace({ '.env.template': 'A=1\n' }, ['tovrun.yaml']);
    const error = configError(() => loadWorkspace(folder));
    expect(error.message).toBe('tovrun.yaml is a folder, not a text file; tovrun reads it as text and will not open it.');
    expect(error.location?.file).toBe(path.join(folder, 'tovrun.yaml'));
    const big = workspace({ 'tovrun.yaml': `# ${'x'.repeat(1024 * 1024)}\n` });
    expect(configError(() => loadWorkspace(big)).message).toBe('tovrun.yaml is larger than 1 MiB, the most tovrun reads from it.');
  });

  it('refuses a .tovrun that is a file for a run that keeps state, not for the read-only doctor', () => {
    const root = workspace({ '.env.template': 'A=1\n', '.tovrun': 'x' });
    expect(configError(() => loadWorkspace(root)).message).toContain('.tovrun is a file, not a folder');
    expect(loadWorkspace(root, undefined, 'recall').root).toBe(root);
  });
});

describe('parseTovrunYaml', () => {
  it('names file, line, key, found and expected for a wrong type', () => {
    const error = configError(() => parseTovrunYaml('services:\n  backend:\n    port: "five"\n', '/w/tovrun.yaml'));
    expect(error.location).toEqual({ file: '/w/tovrun.yaml', line: 3 });
    expect(error.key).toBe('services.backend.port');
    expect(error.message).toContain('found string "five", expected integer');
  });

  it('points an unknown key at its own line', () => {
    const error = configError(() => parseTovrunYaml('panes: prefix\nservices:\n  backend:\n    prot: 5001\n', 'tovrun.yaml'));
    expect(error.location?.line).toBe(4);
    expect(error.message).toContain('unknown key "prot"');
  });

  it('reports YAML syntax errors with their line', () => {
    const error = configError(() => parseTovrunYaml('services:\n  backend:\n    port: [5001\n', 'tovrun.yaml'));
    expect(error.message).toMatch(/not valid YAML/);
    expect(error.location?.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects values outside an enum', () => {
    const error = configError(() => parseTovrunYaml('panes: splits\n', 'tovrun.yaml'));
    expect(error.message).toContain('expected one of "auto", "prefix", "tmux", "windows"');
    expect(error.location?.line).toBe(1);
  });

  it('shortens a 100,000-character key in its message instead of echoing it', () => {
    const error = configError(() => parseTovrunYaml(`? ${'A'.repeat(100_000)}\n: 1\n`, 'tovrun.yaml'));
    expect(error.message.length).toBeLessThan(500);
    expect(error.message).toMatch(/^"A{40}…" \(100000 characters\): found unknown key "A{40}…" \(100000 characters\), expected one of/);
  });

  it('rejects duplicate keys', () => {
    expect(() => parseTovrunYaml('panes: prefix\npanes: tmux\n', 'tovrun.yaml')).toThrow(ConfigError);
    const error = configError(() => parseTovrunYaml('services:\n  backend:\n    port: 1\n  backend:\n    port: 2\n', 'tovrun.yaml'));
    expect(error.message).toContain('the key "backend" is written twice');
    expect(error.location?.line).toBe(4);
  });
});

describe('parseTovrunYaml aliases', () => {
  it('turns an unresolved alias and an alias bomb into ConfigErrors naming the file', () => {
    const unresolved = configError(() => parseTovrunYaml('panes: *missing\n', '/w/tovrun.yaml'));
    expect(unresolved.message).toMatch(/Unresolved alias/);
    expect(unresolved.location?.file).toBe('/w/tovrun.yaml');
    const bomb = [
      'a: &a [1,1,1,1,1,1,1,1,1]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    ].join('\n');
    expect(configError(() => parseTovrunYaml(bomb, 'tovrun.yaml')).message).toMatch(/alias/);
  });
});

describe('parseTovrunYaml hostile structure', () => {
  it('refuses collection keys at their line and self-referencing aliases, quickly and typed', () => {
    const keys = configError(() => parseTovrunYaml(`${'? '.repeat(300)}x\n`, 'tovrun.yaml'));
    expect(keys.message).toMatch(/keys are plain names/);
    expect(keys.location?.line).toBe(1);
    expect(configError(() => parseTovrunYaml('x: &a [*a]\n', 'tovrun.yaml')).message).toMatch(/inside its own anchor/);
  });
});
