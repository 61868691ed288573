#!/usr/bin/env node
// Thin shim: run the CLI (bundled by `npm run build`: a few chunks to load instead of ~170 modules) and exit with its
// code (the only place tovrun calls process.exit). With TOVRUN_DEBUG=1, stack traces name the TypeScript sources.
if (process.env.TOVRUN_DEBUG === '1') process.setSourceMapsEnabled(true);
const { main, processContext } = await import('../dist/cli.bundle.js');

const code = await main(process.argv.slice(2), processContext());
process.stdout.write('', () => process.exit(code));
