// The layers of src/ (README, "Developing tovrun"): base ← model ← features ← commands ← cli; a folder imports only
// downward. `npm run lint` checks these rules. The model's few upward imports that issue 14 has not moved yet are named
// one by one below, so that no new one can slip in.
const base = '^src/(os|text|files|platform)/|^src/(errors|paths|context)[.]ts$';
const model = '^src/(env|workspace|plan|report)/';
const features = '^src/(install|compose|supervisor|panes|check|init)/';
const above = '^src/(commands/|cli[.]ts$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'A circle hides which module is the lower one.', from: {}, to: { circular: true } },
    {
      name: 'base-imports-only-base',
      severity: 'error',
      comment: 'src/os, src/text, src/files, src/platform, errors, paths and the run context are the floor: they import nothing of tovrun above them.',
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
    { name: 'features-import-no-command', severity: 'error', comment: 'Commands assemble features, never the other way.', from: { path: features }, to: { path: above } },
    { name: 'supervisor-imports-no-panes', severity: 'error', comment: 'Panes implement the output sink (src/os/output-sink.ts); the supervisor only writes to it.', from: { path: '^src/supervisor/' }, to: { path: '^src/panes/' } },
    { name: 'compose-imports-no-supervisor-or-panes', severity: 'error', comment: 'compose shares only the base with them.', from: { path: '^src/compose/' }, to: { path: '^src/(supervisor|panes)/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
