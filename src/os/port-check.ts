/** Whether a TCP port can be listened on: free, taken by another process, or refused to this user (reserved). */
import net from 'node:net';

/**
 * What a service would meet on a port: free; in use (a bind fails with EADDRINUSE, or something on localhost accepts
 * a connection); or reserved (a bind fails with EACCES though nothing listens: a Windows excluded port range of
 * Hyper-V/WinNAT, or a port below 1024 for a user who is not root).
 */
export type PortAvailability = 'free' | 'in-use' | 'reserved';

function tryBind(port: number, host: string): Promise<PortAvailability | 'unsupported'> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') resolve('in-use');
      else if (error.code === 'EACCES') resolve('reserved');
      else resolve(error.code === 'EAFNOSUPPORT' || error.code === 'EADDRNOTAVAIL' ? 'unsupported' : 'free');
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve('free')));
  });
}

function connects(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: timeoutMs });
    const finish = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => finish(true));
    socket.once('timeout', () => finish(false));
    socket.once('error', () => finish(false));
  });
}

/** Whether something accepts a TCP connection on port at 127.0.0.1, else at ::1 (Vite may listen on ::1 only). */
export async function acceptsConnection(port: number, timeoutMs: number): Promise<boolean> {
  return (await connects('127.0.0.1', port, timeoutMs)) || connects('::1', port, timeoutMs);
}

/** Binds port on every IPv6 and then every IPv4 address (Flask listens on 0.0.0.0), then tries to connect to it. */
export async function portAvailability(port: number): Promise<PortAvailability> {
  for (const host of ['::', '0.0.0.0']) {
    const result = await tryBind(port, host);
    if (result === 'in-use' || result === 'reserved') return result;
  }
  return (await acceptsConnection(port, 500)) ? 'in-use' : 'free';
}
