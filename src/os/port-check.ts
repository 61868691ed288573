/** Whether a TCP port is taken: binding it fails, or something on localhost (IPv4 or IPv6) accepts a connection. */
import net from 'node:net';
import { checkTcp } from '../supervisor/probes/checks.js';

function bindFails(port: number, host: string): Promise<boolean | 'unsupported'> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRINUSE' ? true : error.code === 'EAFNOSUPPORT' || error.code === 'EADDRNOTAVAIL' ? 'unsupported' : false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(false)));
  });
}

/** True when a service could not listen on port because another process already does. */
export async function isPortBusy(port: number): Promise<boolean> {
  const anyV6 = await bindFails(port, '::');
  if (anyV6 === true) return true;
  if (anyV6 === 'unsupported' && (await bindFails(port, '0.0.0.0')) === true) return true;
  return (await checkTcp(port, 500)) === 'ready';
}
