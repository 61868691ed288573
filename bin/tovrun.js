#!/usr/bin/env node
// Thin shim: run the compiled CLI and exit with its code (the only place tovrun calls process.exit).
import { main } from '../dist/cli.js';
import { processContext } from '../dist/context.js';

const code = await main(process.argv.slice(2), processContext());
process.stdout.write('', () => process.exit(code));
