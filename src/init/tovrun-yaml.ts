/** Renders the commented tovrun.yaml init writes: schema line, the chosen preset, detected folders, commented examples. */
import { yamlModule } from '../files/yaml-module.js';
import { tovplayFolders } from '../workspace/presets.js';
import type { RawConfig } from '../workspace/raw-config.js';
import type { DetectedLayout, DetectedNodeService } from './types.js';

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

/** One detected Node service as tovrun.yaml writes it: the port and probe found, nothing invented. */
function nodeServiceConfig(service: DetectedNodeService): Record<string, unknown> {
  const config: Record<string, unknown> = { type: 'node', dir: service.dir, command: service.command };
  if (service.port !== null) config.port = service.port;
  if (service.port !== null && service.health !== null) config.probe = { http: service.health, timeout: 30 };
  return config;
}

/** The placeholder lines for what could not be read from the service's code or compose file. */
function placeholders(service: DetectedNodeService): string[] {
  const lines: string[] = [];
  if (service.port === null) lines.push(' port: 3000                # the port it listens on (not found in its code): tovrun checks it is free');
  if (service.port === null || service.health === null)
    lines.push(` probe: { http: ${service.health ?? '/health'} }   # a path that answers once it is up: tovrun waits for it`);
  return lines;
}

/** A plain Node repository: preset none with one node service per detected folder, placeholders and suggestions as comments. */
function nodeServicesText(layout: DetectedLayout): string {
  const services = Object.fromEntries(layout.nodeServices.map((service) => [service.name, nodeServiceConfig(service)]));
  const document = new (yamlModule().Document)({ version: 1, preset: 'none', services });
  for (const service of layout.nodeServices) {
    const lines = placeholders(service);
    const node = document.getIn(['services', service.name], true) as { comment?: string | null } | undefined;
    if (node && lines.length > 0) node.comment = lines.join('\n');
  }
  const suggestions = layout.devScripts.flatMap((suggestion) => [
    `# ${suggestion.dir === '.' ? '' : `${suggestion.dir}/`}package.json has no start script or entry file, so it is not a service; its dev script`,
    `# (${suggestion.script}) can run under tovrun:`,
    `#   ${suggestion.name}-dev: { type: node, dir: ${suggestion.dir}, command: npm run dev }`,
  ]);
  return `${document.toString()}${suggestions.length > 0 ? `${suggestions.join('\n')}\n` : ''}`;
}

/** Whether the layout is a plain Node repository (no backend or frontend, but Node packages) rather than TovPlay's. */
export function isPlainNode(layout: DetectedLayout): boolean {
  return !layout.backend && !layout.frontend && layout.nodeServices.length + layout.devScripts.length > 0;
}

/** The commented tovrun.yaml text: a preset's own config written out in full, else the detected layout. */
export function renderTovrunYaml(preset: string, layout: DetectedLayout, presetConfig: RawConfig | undefined): string {
  if (presetConfig) {
    const body = { version: 1, preset: 'none', ...presetConfig };
    return `${header(`the ${preset} preset, written out in full`)}${yamlModule().stringify(body)}`;
  }
  if (isPlainNode(layout)) {
    const comment = '# The detected Node services, with the port and health path read from their code or compose file.\n';
    return `${header('Node services found in this repository')}${comment}${nodeServicesText(layout)}${examples}`;
  }
  return `${header('TovPlay: Flask backend on 5001, Vite frontend on 3000')}${yamlModule().stringify(tovplayBody(preset, layout))}${examples}`;
}
