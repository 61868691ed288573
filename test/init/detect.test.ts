// Layout detection: TovPlay names, short names, folders found by content, plain Node services.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/init/detect.js';
import { copyFixture, realReader } from './support.js';

describe('detectLayout', () => {
  it('finds tovplay-backend and tovplay-frontend', () => {
    expect(detectLayout(copyFixture('tovplay-layout'), realReader)).toEqual({ backend: 'tovplay-backend', frontend: 'tovplay-frontend', nodeServices: [] });
  });

  it('finds backend and frontend', () => {
    expect(detectLayout(copyFixture('short-layout'), realReader)).toEqual({ backend: 'backend', frontend: 'frontend', nodeServices: [] });
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
    expect(detectLayout(root, realReader)).toEqual({ backend: null, frontend: null, nodeServices: [{ name: 'repo', dir: '.', command: 'npm start' }] });
  });
});
