import { describe, expect, it } from 'vitest';
import { listeningInodes, parseLsof, parseNetstatAno, parseSs, parseTasklistCsv } from '../../src/os/port-holder-parse.js';

// Captured from Windows 11 (English and German locales).
const netstat = `
Active Connections

  Proto  Local Address          Foreign Address        State           PID
  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1044
  TCP    0.0.0.0:30000          0.0.0.0:0              LISTENING       5555
  TCP    127.0.0.1:3000         127.0.0.1:52144        ESTABLISHED     7720
  TCP    127.0.0.1:52144        127.0.0.1:3000         ESTABLISHED     9100
  TCP    0.0.0.0:3000           0.0.0.0:0              LISTENING       7720
  TCP    [::]:135               [::]:0                 LISTENING       1044
  TCP    [::1]:5001             [::]:0                 LISTENING       4242
  UDP    0.0.0.0:5353           *:*                                    2212
`.replaceAll('\n', '\r\n');
const netstatGerman = `
Aktive Verbindungen

  Proto  Lokale Adresse         Remoteadresse          Status           PID
  TCP    0.0.0.0:3000           0.0.0.0:0              ABHÖREN          7720
`;

describe('Windows port holder parsing', () => {
  it('finds the listening pid in netstat -ano output, IPv4 and IPv6, in any locale', () => {
    expect(parseNetstatAno(netstat, 3000)).toBe(7720);
    expect(parseNetstatAno(netstat, 5001)).toBe(4242);
    expect(parseNetstatAno(netstat, 52144)).toBeNull();
    expect(parseNetstatAno(netstat, 8080)).toBeNull();
    expect(parseNetstatAno(netstatGerman, 3000)).toBe(7720);
  });

  it('reads the image name from tasklist CSV output', () => {
    expect(parseTasklistCsv('"node.exe","7720","Console","1","45,104 K"\r\n')).toBe('node.exe');
    expect(parseTasklistCsv('INFO: No tasks are running which match the specified criteria.\r\n')).toBeNull();
  });
});

describe('POSIX port holder parsing', () => {
  it('finds listening socket inodes for a port in /proc/net/tcp', () => {
    const table = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 0100007F:0BB8 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 123456 1 0000000000000000 100 0 0 10 0',
      '   1: 0100007F:0BB8 0100007F:D5A0 01 00000000:00000000 00:00000000 00000000  1000        0 777 1 0000000000000000 20 4 30 10 -1',
      '   2: 00000000:1391 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 654321 1 0000000000000000 100 0 0 10 0',
    ].join('\n');
    expect(listeningInodes(table, 3000)).toEqual(['123456']);
    expect(listeningInodes(table, 5009)).toEqual(['654321']);
    expect(listeningInodes(table, 80)).toEqual([]);
  });

  it('reads ss and lsof output', () => {
    const ss =
      'LISTEN 0      511        127.0.0.1:3000       0.0.0.0:*    users:(("node",pid=7720,fd=21))\nLISTEN 0 128 0.0.0.0:22 0.0.0.0:* users:(("sshd",pid=1,fd=3))';
    expect(parseSs(ss, 3000)).toEqual({ pid: 7720, name: 'node' });
    expect(parseSs(ss, 5001)).toBeNull();
    expect(parseLsof('p4242\ncpython3\nf3\n')).toEqual({ pid: 4242, name: 'python3' });
    expect(parseLsof('')).toBeNull();
  });
});
