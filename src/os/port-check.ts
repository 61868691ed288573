/** Whether a TCP port is taken: binding it fails, or something on localhost (IPv4 or IPv6) accepts a connection. */
import net from 'node:net';

function bindFails(port: number, host: string): Promise<boolean | 'unsupported'> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRINUSE' ? true : error.code === 'EAFNOSUPPORT' || error.code === 'EADDRNOTAVAIL' ? 'unsupported' : false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(false)));
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

/** True when a service could not listen on port because another process already does. */
export async function isPortBusy(port: number): Promise<boolean> {
  const anyV6 = await bindFails(port, '::');
  if (anyV6 === true) return true;
  if (anyV6 === 'unsupported' && (await bindFails(port, '0.0.0.0')) === true) return true;
  return acceptsConnection(port, 500);
}
