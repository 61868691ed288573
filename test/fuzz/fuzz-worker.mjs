// Worker of the fuzz tests' hard guard: runs one parser call on the built tovrun (dist/) per message, so that the
// test can terminate it when an input makes a parser hang (a synchronous loop cannot be interrupted in-process).
import { pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';

// FUZZ_DIST=<folder> runs the hostile inputs against another build (say, a candidate fix) instead of ../../dist/.
const dist = process.env.FUZZ_DIST ? pathToFileURL(`${process.env.FUZZ_DIST.replace(/\/$/, '')}/`) : new URL('../../dist/', import.meta.url);
const load = (file) => import(new URL(file, dist).href);
const [{ TovrunError }, parse, load_, check, template, workspace, compose, interpolation, checkCompose, composeVariables] = await Promise.all([
  load('errors.js'),
  load('env/parse.js'),
  load('env/load.js'),
  load('env/check.js'),
  load('env/template.js'),
  load('workspace/load.js'),
  load('compose/index.js'),
  load('env/readers/compose-interpolation.js'),
  load('check/compose.js'),
  load('compose/variables.js'),
]);

const yamlFile = '/ws/tovrun.yaml';

/** The calls a test may ask for, by name. */
const operations = {
  parseEnv: (text) => parse.parseEnv(text),
  resolveEnvValues: (text) => load_.resolveEnvValues(text, {}),
  parseEnvTemplate: (text) => template.parseEnvTemplate(text, '/ws/.env.template'),
  checkEnv: (env, templateText) =>
    check.checkEnv({ envText: env, templateText, templatePath: '/ws/.env.template', files: { env: '.env', template: '.env.template', root: '/ws' } }),
  parseTovrunYaml: (text) => workspace.parseTovrunYaml(text, yamlFile),
  loadWorkspace: (text) => workspace.loadWorkspace('/ws', { exists: (name) => name === yamlFile, readText: () => text }),
  validateComposeFile: (text) => compose.validateComposeFile(text, 'docker-compose.yml', {}, []),
  readComposeModel: (text) => compose.readComposeModel(text, 'docker-compose.yml', () => undefined),
  interpolateCompose: (text) => interpolation.interpolateCompose(text, () => undefined),
  composeCheckScan: (text) => {
    const parsed = checkCompose.parseCompose(text, 'docker-compose.yml');
    if ('doc' in parsed) composeVariables.collectComposeVariables(parsed.doc, parsed.lines, parsed.source);
  },
};

parentPort.on('message', ({ id, operation, args }) => {
  const started = performance.now();
  try {
    operations[operation](...args);
    parentPort.postMessage({ id, ok: true, ms: performance.now() - started });
  } catch (error) {
    const typed = error instanceof TovrunError;
    const name = error instanceof Error ? error.constructor.name : typeof error;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    parentPort.postMessage({ id, ok: typed, typed, name, message, ms: performance.now() - started });
  }
});
parentPort.postMessage({ ready: true });
