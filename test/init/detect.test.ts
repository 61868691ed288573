// Layout detection: TovPlay names, short names, folders found by content, plain Node services.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/init/detect.js';
import { copyFixture, realReader } from './support.js';

describe('detectLayout', () => {
  it('finds tovplay-backend and tovplay-frontend', () => {
    expect(detectLayout(copyFixture('tovplay-layout'), realReader)).toEqual({
      backend: 'tovplay-backend',
      frontend: 'tovplay-frontend',
      nodeServices: [],
      devScripts: [],
    });
  });

  it('finds backend and frontend', () => {
    expect(detectLayout(copyFixture('short-layout'), realReader)).toEqual({ backend: 'backend', frontend: 'frontend', nodeServices: [], devScripts: [] });
  });

  it('finds folders by content: requirements.txt, and a package.json using Vite', () => {
    const root = copyFixture('plain-node');
    mkdirSync(path.join(root, 'api'));
    writeFileSync(path.join(root, 'api', 'requirements.txt'), 'flask\n');
    mkdirSync(path.join(root, 'web'));
    writeFileSync(path.join(root, 'web', 'package.json'), JSON.stringify({ scripts: { dev: 'vite --host' } }));
    expect(detectLayout(root, realReader)).toMatchObject({ backend: 'api', frontend: 'web' });
  });

  it('a plain Node repository: one node service at the root, started with npm start', () => {
    const root = copyFixture('plain-node');
    expect(detectLayout(root, realReader)).toEqual({
      backend: null,
      frontend: null,
      nodeServices: [{ name: 'repo', dir: '.', command: 'npm start', port: null, health: null }],
      devScripts: [],
    });
  });

  it('a signaling server with a build-only extension at the root: the server with its port and /status; the webpack dev script only as a suggestion', () => {
    const root = copyFixture('signaling-extension');
    expect(detectLayout(root, realReader)).toEqual({
      backend: null,
      frontend: null,
      nodeServices: [{ name: 'signaling_server', dir: 'signaling_server', command: 'npm start', port: 4001, health: '/status' }],
      devScripts: [{ name: 'repo', dir: '.', script: 'webpack --mode development --watch' }],
    });
  });

  it('a package with neither a start script nor its entry file is not a service; one whose entry file exists is', () => {
    const root = copyFixture('signaling-extension');
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'lib', main: 'lib/index.js' }));
    expect(detectLayout(root, realReader).nodeServices.map((service) => service.dir)).toEqual(['signaling_server']);
    mkdirSync(path.join(root, 'lib'));
    writeFileSync(path.join(root, 'lib', 'index.js'), 'require("http").createServer().listen(8080);\n');
    expect(detectLayout(root, realReader).nodeServices[0]).toEqual({ name: 'repo', dir: '.', command: 'node lib/index.js', port: 8080, health: null });
  });
});
