/** The yaml package, loaded on first use: most runs read no YAML at all, and loading it costs time and memory. */
import { createRequire } from 'node:module';

type YamlModule = typeof import('yaml');

let loaded: YamlModule | undefined;

/** The yaml package (its CommonJS build, the same one `import 'yaml'` gives under Node), required the first time it is asked for. */
export function yamlModule(): YamlModule {
  loaded ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return loaded;
}
