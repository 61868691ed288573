/** Which process holds a port: /proc on Linux (then ss, lsof), lsof on macOS, netstat + tasklist on Windows. */
import type { Host } from './host.js';
import { listeningInodes, type PortHolder, parseLsof, parseNetstatAno, parseSs, parseTasklistCsv } from './port-holder-parse.js';

async function fromProc(host: Host, port: number): Promise<PortHolder | null> {
  const tables = ['/proc/net/tcp', '/proc/net/tcp6'].map((file) => host.readText(file));
  const sockets = new Set(tables.flatMap((text) => (text ? listeningInodes(text, port) : [])).map((inode) => `socket:[${inode}]`));
  if (sockets.size === 0) return null;
  for (const pid of (await host.listDir('/proc')).filter((entry) => /^\d+$/.test(entry))) {
    const fds = await host.listDir(`/proc/${pid}/fd`);
    const links = await Promise.all(fds.map((fd) => host.readLink(`/proc/${pid}/fd/${fd}`)));
    if (links.some((link) => link !== undefined && sockets.has(link))) {
      const name = host.readText(`/proc/${pid}/comm`)?.trim() || null;
      return { pid: Number(pid), name };
    }
  }
  return null;
}

async function fromSs(host: Host, port: number): Promise<PortHolder | null> {
  const result = await host.exec('ss', ['-ltnpH', `sport = :${port}`]);
  return result.code === 0 ? parseSs(result.stdout, port) : null;
}

async function fromLsof(host: Host, port: number): Promise<PortHolder | null> {
  const result = await host.exec('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-Fpc']);
  return result.code === 0 ? parseLsof(result.stdout) : null;
}

async function fromNetstat(host: Host, port: number): Promise<PortHolder | null> {
  const netstat = await host.exec('netstat', ['-ano', '-p', 'TCP']);
  const netstat6 = await host.exec('netstat', ['-ano', '-p', 'TCPv6']);
  const pid = parseNetstatAno(`${netstat.stdout}\n${netstat6.stdout}`, port);
  if (pid === null) return null;
  const tasks = await host.exec('tasklist', ['/FI', `PID eq ${pid}`, '/FO', 'CSV', '/NH']);
  return { pid, name: tasks.code === 0 ? parseTasklistCsv(tasks.stdout) : null };
}

/** The process listening on port, or null when the OS would not tell. */
export async function findPortHolder(host: Host, port: number): Promise<PortHolder | null> {
  if (host.platform === 'win32') return fromNetstat(host, port);
  const finders = host.platform === 'linux' ? [fromProc, fromSs, fromLsof] : [fromLsof, fromSs];
  for (const find of finders) {
    const holder = await find(host, port);
    if (holder) return holder;
  }
  return null;
}
