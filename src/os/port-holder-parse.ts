/** Parsers for what operating systems say about listening ports: /proc/net/tcp, ss, lsof, netstat -ano, tasklist. */

/** The process holding a port, as far as the OS could tell. */
export interface PortHolder {
  pid: number;
  name: string | null;
}

/** Socket inodes listening on port in /proc/net/tcp or /proc/net/tcp6 text. */
export function listeningInodes(procNetTcp: string, port: number): string[] {
  const inodes: string[] = [];
  for (const row of procNetTcp.split('\n').slice(1)) {
    const fields = row.trim().split(/\s+/);
    const local = fields[1];
    const state = fields[3];
    const inode = fields[9];
    if (!local || state !== '0A' || !inode || inode === '0') continue;
    if (Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16) === port) inodes.push(inode);
  }
  return inodes;
}

/** The first holder in `ss -ltnpH` output: users:(("python3",pid=1234,fd=3)). */
export function parseSs(text: string, port: number): PortHolder | null {
  for (const line of text.split('\n')) {
    const local = line.trim().split(/\s+/)[3];
    if (!local?.endsWith(`:${port}`)) continue;
    const match = /users:\(\("([^"]*)",pid=(\d+)/.exec(line);
    if (match) return { pid: Number(match[2]), name: match[1] ?? null };
  }
  return null;
}

/** The first holder in `lsof -Fpc` output (lines p<pid> then c<command>). */
export function parseLsof(text: string): PortHolder | null {
  const pidLine = /^p(\d+)$/m.exec(text);
  if (!pidLine) return null;
  const name = /^c(.+)$/m.exec(text.slice(pidLine.index));
  return { pid: Number(pidLine[1]), name: name?.[1] ?? null };
}

/** The pid listening on port in `netstat -ano` output (any locale: a listener's foreign address ends in :0). */
export function parseNetstatAno(text: string, port: number): number | null {
  for (const line of text.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    if (fields[0]?.toUpperCase() !== 'TCP' || fields.length < 5) continue;
    const [, local = '', foreign = '', , pid = ''] = fields;
    if (local.endsWith(`:${port}`) && /:0$/.test(foreign) && /^\d+$/.test(pid) && pid !== '0') return Number(pid);
  }
  return null;
}

/** The image name in `tasklist /FI "PID eq n" /FO CSV /NH` output, or null when no task matched. */
export function parseTasklistCsv(text: string): string | null {
  const match = /^"([^"]+)","\d+"/m.exec(text.trim());
  return match?.[1] ?? null;
}
