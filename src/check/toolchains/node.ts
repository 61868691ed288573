/** toolchains/node: the Node that runs Vite (tovrun's own) satisfies the engines.node of the frontend's Vite. */

import { type Finding, finding } from '../../report/findings.js';
import { parseVersion } from '../../text/version.js';
import type { NodeService } from '../../workspace/types.js';
import { type CheckInput, workspacePath } from '../input.js';
import { installNodeHint } from '../shell-hints.js';
import { satisfiesRange } from '../version-range.js';
import { findViteRequirement } from './vite-requirement.js';

function serviceFinding(input: CheckInput, service: NodeService): Finding {
  const node = input.effects.nodeVersion;
  const requirement = findViteRequirement(service.dir, input.effects.files);
  if (!requirement) return finding('toolchains/node', 'ok', `${service.name}: Node ${node} (no Vite found in ${workspacePath(input, service.dir)}).`);
  const where = { file: workspacePath(input, requirement.file), ...(requirement.line === undefined ? {} : { line: requirement.line }) };
  const about = `Vite ${requirement.vite} (engines.node ${requirement.nodeRange})`;
  const verdict = satisfiesRange(parseVersion(node) ?? [0], requirement.nodeRange);
  if (verdict === undefined)
    return finding('toolchains/node', 'ok', `${service.name}: Node ${node}; tovrun cannot read the range of ${about}, so it was not compared.`, where);
  if (verdict) return finding('toolchains/node', 'ok', `${service.name}: Node ${node} satisfies ${about}.`, where);
  return finding('toolchains/node', 'error', `${service.name}: Node ${node} does not satisfy ${about} — Vite will refuse to start or fail in odd ways.`, {
    ...where,
    hint: installNodeHint(requirement.nodeRange, input.platform),
  });
}

/** One finding per node service; none when the workspace has none. */
export function nodeFindings(input: CheckInput): Finding[] {
  return input.workspace.services.filter((service): service is NodeService => service.type === 'node').map((service) => serviceFinding(input, service));
}
