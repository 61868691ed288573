// `npm run bench`: runs every bench/*.bench.mjs and writes BENCHMARKS.md; `node bench/run.mjs <prefix>…` runs a subset and only prints.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Report } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// Every bench runs the built CLI (bin/ loads the bundle).
if (!existsSync(path.join(here, '..', 'dist', 'cli.bundle.js'))) throw new Error('dist/cli.bundle.js is missing: run `npm run build` first.');
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name.startsWith(w)))
  .sort();
const report = new Report();
const notes = [];
for (const file of files) {
  console.log(`\n# ${file}`);
  const bench = await import(path.join(here, file));
  const note = await bench.run(report);
  if (note) notes.push(`## ${file}`, '', note, '');
}
const missed = report.rows.filter((r) => !r.met).length;
if (wanted.length === 0) {
  report.write(path.join(here, '..', 'BENCHMARKS.md'), notes);
  console.log(`\nwrote BENCHMARKS.md (${report.rows.length} figures, ${missed} missed)`);
} else {
  // A subset is for looking at one figure: BENCHMARKS.md only ever holds a whole run.
  console.log(`\n${report.rows.length} figures, ${missed} missed (a subset: BENCHMARKS.md left as it was)`);
}
