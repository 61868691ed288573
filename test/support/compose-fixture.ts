// The engine tests' compose fixture (test/fixtures/compose): its busybox image, built once per file, and the
// containers and networks of a compose project, looked up and removed by compose's project label.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { staticBusybox } from '../setup/engine.js';
import { repoRoot } from './processes.js';

/** The fixture folder: docker-compose.yml, tovrun.yaml, .env.template and the image's Dockerfile. */
export const composeFixture = path.join(repoRoot, 'test', 'fixtures', 'compose');
/** The image every fixture service runs (TEST_IMAGE in the fixture's .env.template). */
export const composeTestImage = 'tovrun-test-busybox:1';

const docker = (args: string[]) => execFileSync('docker', args, { encoding: 'utf8' }).trim();
const lines = (text: string) => text.split('\n').filter(Boolean);

/** Builds the tiny test image (static busybox, FROM scratch). */
export function buildComposeTestImage(): void {
  const context = mkdtempSync(path.join(tmpdir(), 'tovrun-e2e-image-'));
  copyFileSync(path.join(composeFixture, 'Dockerfile'), path.join(context, 'Dockerfile'));
  copyFileSync(staticBusybox, path.join(context, 'busybox'));
  execFileSync('docker', ['build', '-q', '-t', composeTestImage, context], { stdio: 'ignore' });
}

/** Containers of a compose project: all of them, or only the running ones. */
export function projectContainers(project: string, running: boolean): string[] {
  return lines(docker(['ps', '-q', ...(running ? [] : ['-a']), '--filter', `label=com.docker.compose.project=${project}`]));
}

/** Removes whatever containers and networks the projects left. */
export function removeProjects(projects: readonly string[]): void {
  for (const project of projects) {
    const left = projectContainers(project, false);
    if (left.length > 0) docker(['rm', '-f', ...left]);
    const networks = lines(docker(['network', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project}`]));
    if (networks.length > 0) docker(['network', 'rm', ...networks]);
  }
}
