import { startSandbox, sandboxOptionsFromEnv } from './sandbox';
import type { AppMode, Sandbox } from './sandbox';

const USAGE =
  'usage: npm start [-- --app=dev|dist|none]   (env: EHR_PORT, APP_PORT, SEED, SEED_PATIENTS, SEED_ANCHOR, SMART_REDIRECT_URIS)';

function appMode(args: readonly string[]): AppMode {
  let mode: AppMode = 'dev';
  for (const arg of args) {
    const value = /^--app=(.*)$/.exec(arg)?.[1];
    if (value === 'dev' || value === 'dist' || value === 'none') mode = value;
    else throw new Error(`unknown argument "${arg}"\n${USAGE}`);
  }
  return mode;
}

async function main(): Promise<void> {
  const log = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  const app = appMode(process.argv.slice(2));
  log(`Starting the Equity Lens sandbox (app: ${app})…`);
  const sandbox: Sandbox = await startSandbox({ ...sandboxOptionsFromEnv(), app, log });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // A second Ctrl-C means "now".
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: stopping the sandbox…`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`error while stopping: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  log(`FHIR R4 base: ${sandbox.fhirBaseUrl}`);
  if (app !== 'none') log(`App: ${sandbox.appUrl}/launch.html`);
  // Tests wait for the word "ready" on this line: keep it last.
  log(`Equity Lens sandbox ready in ${(sandbox.timings.total ?? 0).toFixed(1)} s: open ${sandbox.ehrUrl}/`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Sandbox failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
