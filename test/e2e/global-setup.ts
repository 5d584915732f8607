import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { E2E_SEED } from './seed';

/** Ports away from the defaults, so a developer's running `npm start` does not collide with the tests. */
const EHR_PORT = process.env.E2E_EHR_PORT ?? '18080';
const APP_PORT = process.env.E2E_APP_PORT ?? '15173';

declare module 'vitest' {
  export interface ProvidedContext {
    ehrUrl: string;
    appUrl: string;
    fhirBaseUrl: string;
  }
}

let sandbox: ChildProcess | undefined;

/** Starts the real sandbox (FHIR server, SMART server, launch page) serving the built app, as `npm start` does. */
export async function setup(project: TestProject): Promise<void> {
  // E2E_DIST lets parallel runs each test their own build (vite build --outDir …); default: dist/.
  const distDir = process.env.E2E_DIST ?? 'dist';
  if (!existsSync(`${distDir}/index.html`))
    throw new Error('Build the app first: npm run build (npm run test:e2e does).');
  sandbox = spawn(process.execPath, ['--experimental-websocket', '--import', 'tsx', 'sandbox/start.ts', '--app=dist'], {
    env: {
      ...process.env,
      EHR_PORT,
      APP_PORT,
      SEED: String(E2E_SEED.seed),
      SEED_PATIENTS: String(E2E_SEED.patients),
      SEED_ANCHOR: E2E_SEED.anchor,
      APP_DIST_DIR: distDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      reject(new Error(`The sandbox did not become ready in 90 s. Output:\n${output}`));
    }, 90_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (/\bready\b/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    sandbox?.stdout?.on('data', onData);
    sandbox?.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    sandbox?.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The sandbox exited with code ${String(code)} before it was ready. Output:\n${output}`));
    });
  });
  project.provide('ehrUrl', `http://localhost:${EHR_PORT}`);
  project.provide('appUrl', `http://localhost:${APP_PORT}`);
  project.provide('fhirBaseUrl', `http://localhost:${EHR_PORT}/fhir`);
}

export async function teardown(): Promise<void> {
  const child = sandbox;
  if (child === undefined || child.exitCode !== null) return;
  const state = { exited: false };
  const done = new Promise<void>((resolve) =>
    child.once('exit', () => {
      state.exited = true;
      resolve();
    }),
  );
  child.kill('SIGTERM');
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  if (!state.exited) child.kill('SIGKILL');
}
