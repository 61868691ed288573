/**
 * The yaml package, loaded on first use (most runs read no YAML at all): from the one-file copy `npm run build` makes,
 * dist/vendor/yaml.cjs (one file to read and compile instead of some 70), or the package itself when there is none.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../paths.js';

type YamlModule = typeof import('yaml');

let loaded: YamlModule | undefined;

/** The one-file copy of the yaml package that `npm run build` writes. */
export const vendoredYamlFile = path.join(packageRoot, 'dist', 'vendor', 'yaml.cjs');

/** The yaml package (every YAML read and write in tovrun goes through it, so one copy is loaded), required the first time it is asked for. */
export function yamlModule(): YamlModule {
  loaded ??= createRequire(import.meta.url)(existsSync(vendoredYamlFile) ? vendoredYamlFile : 'yaml') as YamlModule;
  return loaded;
}
