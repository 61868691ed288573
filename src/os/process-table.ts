/** Who a pid is: its start time and command line, read from /proc, ps or PowerShell; liveness that ignores zombies. */
import type { Host } from './host.js';

/** What identifies a process beyond its (recyclable) pid; a field is null when the OS would not tell. */
export interface ProcessIdentity {
  /** Start time in ms since the epoch. */
  startTime: number | null;
  commandLine: string | null;
}

/** Fields of /proc/<pid>/stat that tovrun uses. */
export interface ProcStat {
  state: string;
  pgrp: number;
  /** Field 22: clock ticks after boot. */
  startTicks: number;
}

/** Linux's USER_HZ: fixed at 100 by the kernel ABI on every architecture Node runs on. */
const clockTicksPerSecond = 100;
/** Start times read by different means (or a jittering boot time) may differ by this much and still match. */
const startTimeToleranceMs = 1_000;

/** Parses /proc/<pid>/stat (the command name may hold spaces and parentheses); null when malformed. */
export function parseProcStat(text: string): ProcStat | null {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const pgrp = Number(fields[2]);
  const startTicks = Number(fields[19]);
  if (!state || !Number.isInteger(pgrp) || !Number.isFinite(startTicks)) return null;
  return { state, pgrp, startTicks };
}

/** Parses `ps -o stat= -o lstart= -o args=` output (lstart is five words, local time). */
export function parsePsLine(text: string): { state: string; identity: ProcessIdentity } | null {
  const words = text.trim().split(/\s+/);
  if (words.length < 6) return null;
  const started = Date.parse(words.slice(1, 6).join(' '));
  return { state: words[0] as string, identity: { startTime: Number.isNaN(started) ? null : started, commandLine: words.slice(6).join(' ') || null } };
}

const isDead = (state: string) => state.startsWith('Z') || state.startsWith('X');

function bootTimeMs(host: Host): number | null {
  const match = /^btime (\d+)$/m.exec(host.readText('/proc/stat') ?? '');
  return match ? Number(match[1]) * 1000 : null;
}

async function linuxIdentity(host: Host, pid: number): Promise<ProcessIdentity | null | undefined> {
  const text = host.readText(`/proc/${pid}/stat`);
  if (text === undefined) return (await host.exists('/proc/self/stat')) ? null : undefined;
  const stat = parseProcStat(text);
  if (!stat || isDead(stat.state)) return null;
  const boot = bootTimeMs(host);
  const cmdline = host.readText(`/proc/${pid}/cmdline`);
  const commandLine = cmdline ? cmdline.split('\0').filter(Boolean).join(' ') : null;
  return { startTime: boot === null ? null : boot + (stat.startTicks * 1000) / clockTicksPerSecond, commandLine };
}

async function psIdentity(host: Host, pid: number): Promise<ProcessIdentity | null> {
  const result = await host.exec('ps', ['-p', String(pid), '-o', 'stat=', '-o', 'lstart=', '-o', 'args=']);
  const parsed = result.code === 0 ? parsePsLine(result.stdout) : null;
  return parsed && !isDead(parsed.state) ? parsed.identity : null;
}

/** Parses the two lines the Windows identity query prints: ISO start time, command line. */
export function parseWindowsIdentity(text: string): ProcessIdentity | null {
  const [started, ...rest] = text.trim().split(/\r?\n/);
  if (!started) return null;
  const time = Date.parse(started.trim());
  return { startTime: Number.isNaN(time) ? null : time, commandLine: rest.join(' ').trim() || null };
}

async function windowsIdentity(host: Host, pid: number): Promise<ProcessIdentity | null> {
  const script = `$p = Get-CimInstance Win32_Process -Filter 'ProcessId=${pid}'; if ($p) { $p.CreationDate.ToUniversalTime().ToString('o'); $p.CommandLine }`;
  const result = await host.exec('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script]);
  return result.code === 0 ? parseWindowsIdentity(result.stdout) : null;
}

/** The identity of a live process, or null when the pid is not running (zombies count as not running). */
export async function processIdentity(host: Host, pid: number): Promise<ProcessIdentity | null> {
  if (host.platform === 'win32') return windowsIdentity(host, pid);
  if (host.platform === 'linux') {
    const identity = await linuxIdentity(host, pid);
    if (identity !== undefined) return identity;
  }
  return psIdentity(host, pid);
}

/**
 * Whether a live process is the one recorded, as a guess: start times when both are known, else command lines. Enough
 * to decide not to start a second run; never enough to signal anything (see provenSameProcess).
 */
export function sameProcess(recorded: ProcessIdentity, current: ProcessIdentity): boolean {
  if (recorded.startTime !== null && current.startTime !== null) return Math.abs(recorded.startTime - current.startTime) <= startTimeToleranceMs;
  if (recorded.commandLine !== null && current.commandLine !== null) return recorded.commandLine.trim() === current.commandLine.trim();
  return false;
}

/**
 * Whether a live process is provably the one recorded: both start times known and equal (within the tolerance). A
 * command line is no proof (another `sleep 30` has the same one), so an unknown start time never proves anything.
 */
export function provenSameProcess(recorded: Pick<ProcessIdentity, 'startTime'>, current: Pick<ProcessIdentity, 'startTime'>): boolean {
  const { startTime: then } = recorded;
  const { startTime: now } = current;
  return then !== null && now !== null && Number.isFinite(then) && Number.isFinite(now) && Math.abs(then - now) <= startTimeToleranceMs;
}

/** The process group a live pid is in now (POSIX: /proc, else ps), or null when it cannot be told (or on Windows). */
export async function processGroupOf(host: Host, pid: number): Promise<number | null> {
  if (host.platform === 'win32') return null;
  if (host.platform === 'linux') {
    const text = host.readText(`/proc/${pid}/stat`);
    const stat = text === undefined ? null : parseProcStat(text);
    if (stat) return stat.pgrp;
  }
  const result = await host.exec('ps', ['-p', String(pid), '-o', 'pgid=']);
  const pgid = Number(result.stdout.trim());
  return result.code === 0 && result.stdout.trim() !== '' && Number.isSafeInteger(pgid) ? pgid : null;
}

/** Whether a process group still has a live (non-zombie) member; POSIX only. */
export async function isGroupAlive(host: Host, pgid: number): Promise<boolean> {
  if (!host.signal(-pgid, 0)) return false;
  if (host.platform !== 'linux') return true;
  const entries = await host.listDir('/proc');
  if (entries.length === 0) return true;
  const stats = entries.filter((entry) => /^\d+$/.test(entry)).map((entry) => host.readText(`/proc/${entry}/stat`));
  return stats.some((text) => {
    const stat = text === undefined ? null : parseProcStat(text);
    return stat !== null && stat.pgrp === pgid && !isDead(stat.state);
  });
}

/** Whether a pid is running (a zombie is not). */
export async function isProcessAlive(host: Host, pid: number): Promise<boolean> {
  if (host.platform === 'linux') {
    const text = host.readText(`/proc/${pid}/stat`);
    if (text !== undefined) {
      const stat = parseProcStat(text);
      return stat !== null && !isDead(stat.state);
    }
  }
  return host.signal(pid, 0);
}
