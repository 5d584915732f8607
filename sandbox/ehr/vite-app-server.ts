import { fileURLToPath } from 'node:url';
import { PortInUseError } from './listen';
import type { AppServer } from './static-app-server';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the app from source with Vite's dev server (hot reload), on loopback with a fixed port. */
export async function startViteAppServer(options: { port: number }): Promise<AppServer> {
  // Loaded only when needed: Vite takes a while to import, and `--app=dist|none` never uses it.
  const { createServer } = await import('vite');
  const server = await createServer({
    root: REPO_ROOT,
    clearScreen: false,
    logLevel: 'warn',
    server: { port: options.port, host: '127.0.0.1', strictPort: true },
  });
  try {
    await server.listen();
  } catch (error) {
    await server.close();
    if (error instanceof Error && /already in use/i.test(error.message))
      throw new PortInUseError(options.port, 'APP_PORT');
    throw error;
  }
  // Port 0 means "any free port": report the one Vite really bound.
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return { url: `http://localhost:${port}`, close: () => server.close() };
}
