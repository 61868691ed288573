// One `tovrun down` over a hostile .tovrun/state.json, run as PID 1 of a private PID namespace (never outside one):
//   unshare -p -f --mount-proc node down-scenario.mjs <case>
// It starts victims tovrun never started, writes a state file pointing at them, runs the built CLI under
// `strace -f -e trace=kill`, and prints one JSON line: the kill() calls seen, which victims survived, and what down said.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = new URL('../../../', import.meta.url);
const { realHost } = await import(new URL('dist/os/host.js', repo).href);
const { processIdentity } = await import(new URL('dist/os/process-table.js', repo).href);
const host = realHost();
const testCase = process.argv[2];
if (process.pid !== 1) throw new Error('down-scenario.mjs must run as PID 1 of a private PID namespace (unshare -p -f --mount-proc).');

/** A long sleep in its own process group, as tovrun starts services. */
function sleeper(seconds, detached = true) {
  const child = spawn('sleep', [seconds], { detached, stdio: 'ignore' });
  child.unref();
  return child.pid;
}

async function identity(pid) {
  for (let tries = 0; tries < 200; tries++) {
    const found = await processIdentity(host, pid);
    if (found?.commandLine?.startsWith('sleep')) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no identity for pid ${pid}`);
}

const victim = sleeper('4103.5');
const leftover = sleeper('4103.9');
const dead = spawn('true').pid;
await new Promise((resolve) => setTimeout(resolve, 100));
const victimId = await identity(victim);
const leftoverId = await identity(leftover);
const entry = (fields) => ({ name: 'backend', port: null, command: ['sleep', '4103.5'], cwd: '/', ...fields });
const proven = entry({ name: 'worker', command: ['sleep', '4103.9'], pid: leftover, pgid: leftover, ...leftoverId });
const deadOwner = { pid: 65_000, startTime: 1, commandLine: 'node bin/tovrun.js' };
const cases = {
  'pgid-1': { owner: deadOwner, services: [entry({ pid: victim, pgid: 1, ...victimId })] },
  'pgid-0': { owner: deadOwner, services: [entry({ pid: victim, pgid: 0, ...victimId })] },
  'dead-pid-live-group': { owner: deadOwner, services: [entry({ pid: dead, pgid: victim, startTime: victimId.startTime, commandLine: 'true' })] },
  'null-start-time': { owner: deadOwner, services: [entry({ pid: victim, pgid: victim, startTime: null, commandLine: victimId.commandLine })] },
  'owner-null-start-time': { owner: { pid: victim, startTime: null, commandLine: victimId.commandLine }, services: [] },
  proven: { owner: deadOwner, services: [proven] },
};
const state = cases[testCase];
if (!state) throw new Error(`unknown case ${testCase}`);
if (testCase !== 'proven') state.services.push(proven);

const root = mkdtempSync(path.join(tmpdir(), 'tovrun-ns-'));
writeFileSync(path.join(root, '.env.template'), 'SECRET_KEY=\n');
mkdirSync(path.join(root, '.tovrun'));
writeFileSync(path.join(root, '.tovrun', 'state.json'), JSON.stringify({ version: 1, ...state }));
const trace = path.join(root, 'strace.log');
const cli = fileURLToPath(new URL('bin/tovrun.js', repo));
// `down` runs in a session of its own (sh leads it) beside a sibling sleep, so a kill(0) it sends cannot leave the
// namespace: a process group is not confined by a PID namespace (kill(-1) is). A hang is killed with its session.
const script = 'sleep 4103.6 </dev/null >/dev/null 2>&1 & strace -f -qq -e trace=kill -o "$0" "$@"';
const output = await new Promise((resolve) => {
  const child = spawn('setsid', ['sh', '-c', script, trace, process.execPath, cli, 'down'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (chunk) => (text += chunk));
  child.stderr.on('data', (chunk) => (text += chunk));
  const timer = setTimeout(() => {
    text += '\n(tovrun down did not finish within 20 s)';
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }, 20_000);
  child.on('exit', (code) => {
    clearTimeout(timer);
    resolve(code === 0 ? text : `exit ${code}: ${text}`);
  });
});
const kills = [...readFileSync(trace, 'utf8').matchAll(/kill\((-?\d+), (\w+)\)/g)].map((match) => [Number(match[1]), match[2]]);
const running = async (commandLine) => {
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const found = await processIdentity(host, Number(entry));
    if (found?.commandLine === commandLine) return true;
  }
  return false;
};
const alive = { victim: await running('sleep 4103.5'), sibling: await running('sleep 4103.6'), leftover: await running('sleep 4103.9') };
process.stdout.write(`${JSON.stringify({ pids: { victim, leftover, dead }, kills, alive, output })}\n`);
process.exit(0);
