// Log relay through the real CLI: `tovrun` in a workspace whose tovrun.yaml has one `command` service running the
// printer fixture, against concurrently running the same printer, and against the printer piped through `cat` (the
// floor: a relay that does nothing). Throughput, whole-tree CPU seconds, and lines lost counted from what arrives.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTree, summarize } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin', 'tovrun.js');
const printLines = path.join(root, 'test', 'fixtures', 'procs', 'print-lines.js');
const concurrentlyBin = path.join(root, 'node_modules', 'concurrently', 'dist', 'bin', 'concurrently.js');
const label = 'LN';

/** The two workloads of issue 9: ~100 MB of long lines written in batches, and 200,000 short lines flushed one by one. */
const workloads = [
  { name: '100 MB of lines', count: 1_000_000, mode: 'batch', width: 90, runs: 3, unit: 'MB/s' },
  { name: '200,000 short flushed lines', count: 200_000, mode: 'each', width: 0, runs: 5, unit: 'k lines/s' },
];

/** Bytes the printer writes for a workload: lines "LN <i><x * width>\n". */
function bytesOf({ count, width }) {
  let digits = 0;
  for (let i = 0; i < count; i++) digits += String(i).length;
  return count * (label.length + 1 + width + 1) + digits;
}

/** A workspace with one `command` service running the printer, in prefix mode (as a pipe or a file gets it). */
function workspace(workload) {
  const dir = mkdtempSync(path.join(tmpdir(), 'tovrun-bench-relay-'));
  const command = [process.execPath, printLines, String(workload.count), label, workload.mode, String(workload.width)];
  writeFileSync(
    path.join(dir, 'tovrun.yaml'),
    `preset: none\npanes: prefix\nservices:\n  printer:\n    type: command\n    command: ${JSON.stringify(command)}\n`,
  );
  return dir;
}

/** Preloaded into a relaying node process: appends its own CPU seconds (user + system, children excluded) at exit. */
const ownCpuHook =
  'data:text/javascript,import{appendFileSync}from"node:fs";process.on("exit",()=>{const u=process.cpuUsage();appendFileSync(process.env.BENCH_OWN_CPU_FILE,(u.user+u.system)/1e6+"\\n")})';

/** How each side runs the printer: command, arguments and folder; node relays also report their own CPU. */
function sides(workload, dir) {
  const printer = `"${process.execPath}" "${printLines}" ${workload.count} ${label} ${workload.mode} ${workload.width}`;
  return [
    { name: 'tovrun', command: process.execPath, args: ['--import', ownCpuHook, cli, '--no-install'], cwd: dir },
    {
      name: 'concurrently 9',
      command: process.execPath,
      args: ['--import', ownCpuHook, concurrentlyBin, '--names', 'printer', '--no-color', printer],
      cwd: dir,
    },
    { name: '`cat`', command: 'sh', args: ['-c', `${printer} | cat`], cwd: dir },
    {
      name: '`node` passing stdin through',
      command: 'sh',
      args: ['-c', `${printer} | "${process.execPath}" -e "process.stdin.pipe(process.stdout)"`],
      cwd: dir,
    },
  ];
}

/** Counts the printer's lines that arrived intact on a stream (whatever label a relay put in front of them). */
function countIntact(stream, workload) {
  return new Promise((resolve) => {
    const seen = new Uint8Array(workload.count);
    const tail = 'x'.repeat(workload.width);
    const marker = `${label} `;
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const at = line.lastIndexOf(marker);
        if (at < 0) continue;
        const payload = line.slice(at + marker.length);
        const index = Number.parseInt(payload, 10);
        if (index >= 0 && index < workload.count && payload === `${index}${tail}`) seen[index] = 1;
      }
    });
    stream.on('end', () => resolve(seen.reduce((sum, intact) => sum + intact, 0)));
  });
}

/** A warm-up, timed runs with stdout to /dev/null, then one run through a pipe this process reads and checks. */
async function sample(side, workload) {
  const ownCpuFile = path.join(side.cwd, 'own-cpu');
  const env = { ...process.env, BENCH_OWN_CPU_FILE: ownCpuFile };
  // Each run moves the last run's log to printer.previous.log: start each run from no .tovrun (not timed), as a first run does.
  const fresh = () => rmSync(path.join(side.cwd, '.tovrun'), { recursive: true, force: true });
  const timed = [];
  for (let i = 0; i < workload.runs + 1; i++) {
    fresh();
    rmSync(ownCpuFile, { force: true });
    const result = await runTree(side.command, side.args, { cwd: side.cwd, env });
    if (result.code !== 0) throw new Error(`${side.name} exited with ${result.code}:\n${result.stderr}`);
    const own = Number(readFileSync(ownCpuFile, { encoding: 'utf8', flag: 'a+' }).split('\n')[0] || Number.NaN);
    if (i > 0) timed.push({ ...result, own });
  }
  fresh();
  let intact = Promise.resolve(0);
  await runTree(side.command, side.args, { cwd: side.cwd, env, stdout: 'pipe', onStdout: (stream) => (intact = countIntact(stream, workload)) });
  fresh();
  return { timed, lost: workload.count - (await intact) };
}

/** Adds throughput, CPU and lines-lost figures per workload to the report. */
export async function run(report) {
  const notes = [];
  for (const workload of workloads) {
    const dir = workspace(workload);
    const results = [];
    for (const side of sides(workload, dir)) results.push({ side, ...(await sample(side, workload)) });
    const mb = bytesOf(workload) / 1e6;
    const perSecond = (r) => (workload.unit === 'MB/s' ? mb / (r.ms / 1000) : workload.count / (r.ms / 1000) / 1000);
    const throughput = (result) => summarize(result.timed.map(perSecond));
    const cpu = (result) => summarize(result.timed.map((r) => r.cpu));
    const [ours, peer, floor, nodeFloor] = results;
    const tovrun = throughput(ours);
    const size = `${workload.count.toLocaleString('en-US')} lines, ${mb.toFixed(1)} MB`;
    for (const reference of [peer, floor, nodeFloor]) {
      const isPeer = reference === peer;
      report.add({
        figure: `relay throughput, ${workload.name}`,
        unit: workload.unit,
        tovrun,
        reference: throughput(reference),
        referenceName: reference.side.name,
        target: isPeer ? '≥ 1.5x concurrently' : reference === floor ? 'reported (the floor)' : 'reported (the floor for a relay in Node)',
        met: isPeer ? tovrun.median >= 1.5 * throughput(reference).median : true,
      });
    }
    for (const reference of [peer, floor, nodeFloor]) {
      report.add({
        figure: `relay CPU seconds (whole tree), ${workload.name}`,
        unit: 's',
        tovrun: cpu(ours),
        reference: cpu(reference),
        referenceName: reference.side.name,
        target: 'reported',
        met: true,
      });
    }
    const own = (result) => summarize(result.timed.map((r) => r.own));
    report.add({
      figure: `relay process's own CPU seconds, ${workload.name}`,
      unit: 's',
      tovrun: own(ours),
      reference: own(peer),
      referenceName: peer.side.name,
      target: 'reported',
      met: true,
    });
    for (const reference of [peer, floor, nodeFloor]) {
      report.add({
        figure: `lines lost through a pipe, ${workload.name}`,
        unit: 'lines',
        tovrun: summarize([ours.lost]),
        reference: summarize([reference.lost]),
        referenceName: reference.side.name,
        target: '0',
        met: ours.lost === 0,
      });
    }
    notes.push(`${workload.name}: ${size}; ${workload.runs} timed runs per side after a warm-up.`);
    const wanted = 1.5 * throughput(peer).median;
    const floorValue = throughput(floor).median;
    const share = `tovrun reaches ${((100 * tovrun.median) / floorValue).toFixed(0)}% of the floor and ${((100 * tovrun.median) / throughput(nodeFloor).median).toFixed(0)}% of a Node process that only passes stdin through (${throughput(nodeFloor).median.toFixed(1)})`;
    if (wanted > floorValue)
      notes.push(
        `  1.5x concurrently is ${wanted.toFixed(1)} ${workload.unit}, above the \`cat\` floor of ${floorValue.toFixed(1)}, which a relay cannot pass: ${share}.`,
      );
    else notes.push(`  1.5x concurrently is ${wanted.toFixed(1)} ${workload.unit}, below the \`cat\` floor of ${floorValue.toFixed(1)}; ${share}.`);
    rmSync(dir, { recursive: true, force: true });
  }
  notes.push(
    '',
    'Each side runs the printer fixture (test/fixtures/procs/print-lines.js): tovrun as the one `command` service of a',
    'workspace (`tovrun --no-install`, prefix output, log file .tovrun/logs/printer.log written as always), concurrently',
    'as its one command, `sh -c "printer | cat"` as the floor, and `printer | node -e "process.stdin.pipe(process.stdout)"`',
    'as the floor for any relay written in Node. Timed runs write to /dev/null; throughput is the workload over the wall',
    "time from spawn to exit, so it includes each tool's start-up. CPU seconds are user + system",
    "of the whole process tree (the printer included), from the shell's `times` after the command; a relay's own CPU is",
    'its process.cpuUsage() at exit (preloaded with --import; children excluded). Lines lost: one more',
    'run through a pipe this process reads, counting the printer lines that arrived intact.',
  );
  return notes.join('\n');
}
