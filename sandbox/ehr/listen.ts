import { createServer } from 'node:http';
import type { Server } from 'node:http';

/** Thrown when a sandbox port is taken; its message names the environment variable that moves it. */
export class PortInUseError extends Error {
  constructor(port: number, envVar: string) {
    super(
      `Port ${port} is already in use: stop what is using it, or set ${envVar} to a free port (e.g. ${envVar}=${port + 1}).`,
    );
    this.name = 'PortInUseError';
  }
}

/** Starts listening on loopback and resolves with the port actually bound (useful with port 0). */
export async function listen(server: Server, port: number, envVar: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, envVar) : error);
    };
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return address.port;
}

/** Fails fast, with the env var to change, when a port another server will bind later is already taken. */
export async function assertPortFree(port: number, envVar: string): Promise<void> {
  const probe = createServer();
  await listen(probe, port, envVar);
  await closeServer(probe);
}

/** Closes a server, dropping idle keep-alive connections so that close does not wait for them. */
export async function closeServer(server: Server): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.close((error) => {
      if (error) reject(error);
      else resolve();
    });
    server.closeAllConnections();
  });
}
