/** The per-folder .env and compose files left from before the consolidation, with the keys that differ from the root. */
import path from 'node:path';
import { composeServices, describeDifferences, envMap, findStaleCandidates, isComposeName } from '../env/stale-copies.js';
import type { InitReader, MergeCandidate } from './types.js';

/** The root files' texts as they will be after init: the existing ones, else the shipped ones init adds. */
export interface RootTexts {
  envTemplate: string | undefined;
  compose: string | undefined;
}

/** Forward-slash path relative to root. */
export const relativeTo = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

/** One merge candidate per sub-folder .env* or compose file (found as the doctor's hygiene check finds them). */
export function findMergeCandidates(root: string, files: InitReader, rootTexts: RootTexts): MergeCandidate[] {
  return findStaleCandidates(root, files, new Set()).map((file) => {
    const compose = isComposeName(path.basename(file));
    const into = compose ? 'docker-compose.yml' : '.env.template';
    const rootText = compose ? rootTexts.compose : rootTexts.envTemplate;
    const copyText = files.readText(file);
    let differences: string;
    if (copyText === undefined) differences = 'could not be read';
    else if (rootText === undefined)
      differences = `there is no root ${into} to merge it into${compose ? `; move it to the root, or name it in tovrun.yaml (compose: { file: ${relativeTo(root, file)} })` : '; move it to the root'}`;
    else {
      try {
        differences = compose
          ? describeDifferences(composeServices(copyText), composeServices(rootText), 'services', into)
          : describeDifferences(envMap(copyText), envMap(rootText), 'keys', into);
      } catch {
        differences = `could not be compared with ${into}`;
      }
    }
    return { path: relativeTo(root, file), into, differences };
  });
}
