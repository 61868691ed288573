// The layers of src/ (README, "Developing tovrun"); a folder imports only from its own layer or the layers below:
//   base      os, text, files, platform, control (the control socket's transport), errors.ts, paths.ts, context.ts
//   model     report, workspace ← env ← plan (plain data in, plain data out)
//   features  install, compose, supervisor, panes, check, init, devloop
//   above     commands/, cli.ts
// Features import no other feature but for the one-way edges of featureImports. `npm run lint` checks these rules.
const base = '^src/(os|text|files|platform|control)/|^src/(errors|paths|context)[.]ts$';
const model = '^src/(env|workspace|plan|report)/';
const featureNames = ['install', 'compose', 'supervisor', 'panes', 'check', 'init', 'devloop', 'mcp'];
const features = `^src/(${featureNames.join('|')})/`;
const above = '^src/(commands/|cli[.]ts$)';

/** The model's folders from the bottom up: each imports none of those after it. */
const modelOrder = ['report', 'workspace', 'env', 'plan'];
const modelRules = modelOrder.slice(0, -1).map((name, index) => ({
  name: `${name}-imports-no-model-above-it`,
  severity: 'error',
  comment: `The model reads bottom up (${modelOrder.join(' ← ')}): ${name}/ imports none of ${modelOrder.slice(index + 1).join(', ')}.`,
  from: { path: `^src/${name}/` },
  to: { path: `^src/(${modelOrder.slice(index + 1).join('|')})/` },
}));

/** The only imports from one feature into another, each one way; what two features share otherwise lives below both. */
const featureImports = {
  // check is the read-only doctor over what install and up do: it asks install's Python discovery, venv probe and
  // installed-or-not decisions, compose's file model and provider check, and the supervisor's port preflight and
  // state file, so that `tovrun check` never disagrees with `tovrun install` or `tovrun up`.
  // No entry lists check, so no feature imports it.
  check: ['install', 'compose', 'supervisor'],
  // The terminal UI (panes/tui/) shows the supervisor's events and each service's status, and restarts a service
  // through it, as `tovrun status` and `tovrun restart` do; the supervisor writes only to the output sink of os/.
  panes: ['supervisor'],
  // The dev loop follows files while `tovrun up` runs and reacts with the other features' own operations: install's
  // installWorkspace and install inputs (the same stamps as `tovrun install`), compose's file reading (which compose
  // services a .env edit touches) and the supervisor's restart (the one `tovrun restart` asks for). The supervisor
  // never imports install: the dev loop is the one place both meet.
  devloop: ['install', 'compose', 'supervisor'],
  // The MCP server (mcp/, `tovrun mcp`) is one more client of the running tovrun: it asks over the supervisor's control
  // client (status, logs, errors, restart, stop/start) as `tovrun status` and `tovrun restart` do, and reads the log
  // files where panes/ writes them when none runs. The doctor, up and down it runs as `tovrun` commands, so it imports
  // no check. Nothing imports mcp/ but its command, which loads it (and the SDK) only for `tovrun mcp`.
  mcp: ['supervisor', 'panes'],
};

// No feature pair both ways, nor a longer loop: a feature never reaches itself through featureImports.
for (const start of Object.keys(featureImports)) {
  const seen = new Set();
  const walk = (name) => {
    for (const next of featureImports[name] ?? []) {
      if (next === start) throw new Error(`.dependency-cruiser.cjs: featureImports lets ${start} reach itself through ${name}; a feature pair imports one way only.`);
      if (!seen.has(next)) seen.add(next), walk(next);
    }
  };
  walk(start);
}

/** One rule per feature: it imports no feature but those featureImports lists for it. */
const featureRules = featureNames.map((name) => {
  const allowed = featureImports[name] ?? [];
  const forbidden = featureNames.filter((other) => other !== name && !allowed.includes(other));
  return {
    name: `${name}-imports-only-listed-features`,
    severity: 'error',
    comment: `${name}/ may import ${allowed.length ? allowed.join(', ') : 'no other feature'} (featureImports); what it shares with another feature lives below both.`,
    from: { path: `^src/${name}/` },
    to: { path: `^src/(${forbidden.join('|')})/` },
  };
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'A circle hides which module is the lower one.', from: {}, to: { circular: true } },
    {
      name: 'base-imports-only-base',
      severity: 'error',
      comment: 'src/os, src/text, src/files, src/platform, src/control, errors, paths and the run context are the floor: they import nothing of tovrun above them.',
      from: { path: base },
      to: { path: `${model}|${features}|${above}` },
    },
    {
      name: 'model-imports-no-feature',
      severity: 'error',
      comment: 'env, workspace, plan and report are plain data in, plain data out: what features share of them lives here.',
      from: { path: model },
      to: { path: `${features}|${above}` },
    },
    ...modelRules,
    { name: 'features-import-no-command', severity: 'error', comment: 'Commands assemble features, never the other way.', from: { path: features }, to: { path: above } },
    ...featureRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
