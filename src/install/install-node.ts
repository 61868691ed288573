/** A node service: `npm install --include=dev` unless package files, node/npm versions and flags match the stamp. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readText } from '../files/read-text.js';
import type { NodeService } from '../workspace/types.js';
import { type Fingerprint, hashFiles, type KnownHashes } from './fingerprint.js';
import { nodeInputFiles } from './install-inputs.js';
import { declaresPackages, type NpmContext, npmEnvironment, npmInstall, npmInstallArgs, npmToolVersions } from './npm.js';
import { displayPath, type InstallEnvironment, type PreparedInstall } from './service-install.js';
import { removeStamp, stampFile, stampFileStats, stampStaleReason, writeStamp } from './stamp.js';
import { InstallStepFailure } from './step-failure.js';

/** Checks package.json, the tool versions, node_modules and the stamp; the install runs npm and stamps. */
export async function prepareNodeService(service: NodeService, environment: InstallEnvironment): Promise<PreparedInstall> {
  const manifest = path.join(service.dir, 'package.json');
  const manifestText = readText(manifest);
  if (manifestText === undefined) {
    throw new InstallStepFailure(`no package.json in ${displayPath(environment, service.dir)}.`, {
      hint: `Set services.${service.name}.dir in tovrun.yaml to the folder holding package.json.`,
    });
  }
  const needsTree = declaresPackages(manifestText, displayPath(environment, manifest));
  const npm: NpmContext = { platform: environment.platform, runner: environment.runner, cwd: service.dir, env: npmEnvironment(environment.env) };
  const versions = await npmToolVersions(npm);
  const stamp = stampFile(environment.stateDir, service.name);
  const treePresent = !needsTree || existsSync(path.join(service.dir, 'node_modules', '.package-lock.json'));
  const reason = environment.reinstall
    ? 'reinstall requested'
    : !treePresent
      ? `${displayPath(environment, path.join(service.dir, 'node_modules'))} is missing or incomplete`
      : await stampStaleReason(stamp, (known) => nodeFingerprint(service, environment, versions, known), environment.root, environment.readOnly ?? false);
  return {
    reason,
    install: async (reporter) => {
      await removeStamp(stamp);
      reporter.step(`npm ${npmInstallArgs(service).join(' ')}`);
      await npmInstall({ ...npm, onLine: reporter.toolOutput }, service, service.name);
      // npm may have rewritten package-lock.json: stamp what is on disk now.
      const fingerprint = nodeFingerprint(service, environment, versions);
      await writeStamp(stamp, service.name, fingerprint, new Date(), stampFileStats(fingerprint, environment.root));
    },
  };
}

/** package.json and package-lock.json (known hashes reused for unchanged files), the node and npm versions, and the flags npm runs with. */
export function nodeFingerprint(
  service: NodeService,
  environment: Pick<InstallEnvironment, 'root'>,
  versions: { node: string; npm: string },
  known?: KnownHashes,
): Fingerprint {
  return {
    files: hashFiles(nodeInputFiles(service), environment.root, known),
    tools: { node: versions.node, npm: versions.npm },
    flags: npmInstallArgs(service).slice(1),
  };
}
