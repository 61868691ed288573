/** Public surface of the compose module: provider detection, offline validation, `config -q`, and a run's session. */
export { detectComposeProvider, type ComposeProvider, type EngineName } from './provider.js';
export { checkComposeProvider, engineProblem, installHint, requireComposeProvider, startEngineHint, type ProviderCheck } from './engine.js';
export { composeInvocation, composeSubcommands, engineInvocation, engineSubcommands, projectFlags, type Invocation } from './invocation.js';
export { composeSchemaProblems, validateComposeFile, type TemplateKeys } from './validate.js';
export { composeConfigProblems, type ConfigCheckInput } from './config-check.js';
export type { ComposeProblem } from './problems.js';
export { readComposeModel } from './compose-model.js';
export { loadComposeModel } from './load-model.js';
export { composeVariables, type ComposeVariables } from './dot-env.js';
export { composeEnvironment } from './environment.js';
export { createComposeSession, realClock, type ComposeSessionInputs } from './create-session.js';
export { ComposeSession } from './session.js';
export { ComposeCommandError, ComposeHealthError } from './errors.js';
export { removeRecordedCompose, type RemoveRecordedReport } from './remove-recorded.js';
export { composeStatePath, readComposeState, type ComposeState } from './state.js';
export { composeSchemaFile, composeSchemaSha256, composeSchemaSource } from './schema.js';
