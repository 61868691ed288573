/** Renders the commented tovrun.yaml init writes: schema line, the chosen preset, detected folders, commented examples. */
import { yamlModule } from '../files/yaml-module.js';
import { tovplayFolders } from '../workspace/presets.js';
import type { RawConfig } from '../workspace/raw-config.js';
import type { DetectedLayout } from './types.js';

/** Where editors find the schema: the copy in the tovrun package installed in the repository. */
export const schemaReference = './node_modules/tovrun/templates/tovrun.schema.json';

const header = (title: string) => `# yaml-language-server: $schema=${schemaReference}
# tovrun.yaml — ${title}
# Written by \`tovrun init\`. Every key is optional; what is left out comes from the preset. The schema above
# (shipped in the tovrun package) lets editors complete and check this file; tovrun reports an unknown key or a
# wrong type with its line. Services: type python (venv + pip), node (npm) or command; port, probe, env,
# depends_on and restart. See SETUP.md.
`;

const examples = `
# Examples (uncomment to use):
# compose:
#   profiles: [local-db]        # compose profiles started with every run (also: tovrun -p <profile>)
# services:
#   worker:
#     type: command
#     command: node worker.js
#     restart: { policy: on-failure, maxRetries: 3 }
`;

/** The tovrun.yaml body for the tovplay preset: only the folders its defaults would not find (tovplayFolders). */
function tovplayBody(preset: string, layout: DetectedLayout): RawConfig {
  const services: NonNullable<RawConfig['services']> = {};
  if (layout.backend && !tovplayFolders.backend.includes(layout.backend)) services.backend = { dir: layout.backend };
  if (layout.frontend && !tovplayFolders.frontend.includes(layout.frontend)) services.frontend = { dir: layout.frontend };
  if (!layout.backend) services.backend = { enabled: false };
  if (!layout.frontend) services.frontend = { enabled: false };
  return { version: 1, preset, ...(Object.keys(services).length ? { services } : {}) };
}

/** The body for a plain Node repository: preset none with one node service per detected folder. */
function nodeServicesBody(layout: DetectedLayout): RawConfig {
  const services = Object.fromEntries(layout.nodeServices.map((service) => [service.name, { type: 'node' as const, dir: service.dir, command: service.command }]));
  return { version: 1, preset: 'none', services };
}

/** The commented tovrun.yaml text: a preset's own config written out in full, else the detected layout. */
export function renderTovrunYaml(preset: string, layout: DetectedLayout, presetConfig: RawConfig | undefined): string {
  if (presetConfig) {
    const body = { version: 1, preset: 'none', ...presetConfig };
    return `${header(`the ${preset} preset, written out in full`)}${yamlModule().stringify(body)}`;
  }
  const plainNode = !layout.backend && !layout.frontend && layout.nodeServices.length > 0;
  const body = plainNode ? nodeServicesBody(layout) : tovplayBody(preset, layout);
  const comment = plainNode ? '# The detected Node services; add `port:` and a `probe:` so tovrun waits until each answers.\n' : '';
  return `${header(plainNode ? 'Node services found in this repository' : 'TovPlay: Flask backend on 5001, Vite frontend on 3000')}${comment}${yamlModule().stringify(body)}${examples}`;
}
