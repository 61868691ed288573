/** Public surface of the compose module: provider detection, offline validation, `config -q`, and a run's session. */

export { readComposeModel } from './compose-model.js';
export { type ConfigCheckInput, composeConfigProblems } from './config-check.js';
export { type ComposeSessionInputs, createComposeSession, realClock, runningProject } from './create-session.js';
export { localMountSources } from './deliver-mounts.js';
export { type ComposeVariables, composeVariables } from './dot-env.js';
export { type DockerEndpoint, describeEndpoint, parseEngineUrl, resolveEngineEndpoint } from './endpoint.js';
export {
  checkComposeProvider,
  describeEngine,
  type EngineStatus,
  engineLine,
  installHint,
  type ProviderCheck,
  probeEngine,
  requireComposeProvider,
  startEngineHint,
} from './engine.js';
export { composeEnvironment } from './environment.js';
export { ComposeCommandError, ComposeHealthError } from './errors.js';
export { composeInvocation, composeSubcommands, engineInvocation, engineSubcommands, type Invocation, projectFlags } from './invocation.js';
export { loadComposeModel } from './load-model.js';
export type { ComposeProblem } from './problems.js';
export { type ComposeProvider, detectComposeProvider, type EngineName } from './provider.js';
export { type MountDelivery, planRemoteMounts, type UndeliverableMount } from './remote-mounts.js';
export { type RemoveRecordedReport, removeRecordedCompose } from './remove-recorded.js';
export { composeSchemaFile, composeSchemaSha256, composeSchemaSource } from './schema.js';
export { ComposeSession } from './session.js';
export { type ComposeState, composeStatePath, readComposeState } from './state.js';
export { composeSchemaProblems, type TemplateKeys, validateComposeFile } from './validate.js';
