import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const fhirclientBrowser = fileURLToPath(new URL('./node_modules/fhirclient/lib/entry/browser.js', import.meta.url));

export default defineConfig({
  plugins: [react()],
  server: { strictPort: true },
  preview: { strictPort: true },
  build: {
    sourcemap: true,
    rollupOptions: { input: { main: 'index.html', launch: 'launch.html' } },
  },
  // fhirclient's browser entry polyfills fetch for old browsers unless told it runs in a modern one.
  define: { FHIRCLIENT_PURE: 'true' },
  test: {
    // CI collects one JSON report per run to print a single "N passed, N failed" line.
    reporters: process.env.VITEST_JSON_DIR ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON_DIR
      ? { json: `${process.env.VITEST_JSON_DIR}/${process.argv.includes('e2e') ? 'e2e' : 'unit'}.json` }
      : undefined,
    // Medplum's FHIR router (used by the sandbox) needs the WebSocket global that Node 20 hides behind a flag.
    execArgv: ['--experimental-websocket'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}', 'sandbox/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          // fhirclient's default entry pulls Node polyfills; the browser entry is what the app ships.
          alias: { fhirclient: fhirclientBrowser },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
