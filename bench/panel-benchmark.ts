import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { z } from 'zod';
import { populationPlan } from '../src/fhir/population-queries';

// The quality-lead panel in Chromium against the sandbox with SEED_PATIENTS patients (default 10,000):
//   node --experimental-websocket --import tsx bench/panel-benchmark.ts [--rounds 3] [--patients 10000] [--keep-dist]
// Builds the app, starts the sandbox serving it, and times in the same browser tab:
//   launch   EHR launch (SMART redirects) → the overview's chart → (a click on "Disparities" the moment it shows,
//            made in the page) → the first disparity chart;
//   reload   `?panel=disparities` opened in the launched tab → the first disparity chart (no SMART round trips);
//   fetch    the same FHIR searches, same pages and concurrency, with plain `fetch` + `res.json()` in the page.
// Charts are timed in the page, when they enter the DOM. Prints the medians and the ratios (target: launch → first
// disparity chart ≤ 1.3 × plain fetch), and the page's longest main-thread task.

const run = promisify(execFile);
const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const ROUNDS = option('--rounds', 3);
const PATIENTS = option('--patients', Number(process.env.SEED_PATIENTS ?? 10_000));
const EHR_PORT = String(option('--ehr-port', 18390));
const APP_PORT = String(option('--app-port', 15390));
const DIST = process.env.BENCH_DIST ?? '/tmp/equity-lens-panel-bench';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ehrUrl = `http://localhost:${EHR_PORT}`;
const appUrl = `http://localhost:${APP_PORT}`;
const fhirBase = `${ehrUrl}/fhir`;
const CONCURRENCY = 3;
// Drawn: its bars are in the page.
const CHART = '[data-testid="panel-disparities"] .chart svg .recharts-bar-rectangle';
const OVERVIEW_CHART = '[data-testid="panel-overview"] .chart svg .recharts-bar-rectangle';

/**
 * Runs in every document of the tab: the moments (epoch ms, the clock Node's `Date.now()` reads) the overview's and
 * the first disparity chart enter the page, and the click on the Disparities tab a user would make at once.
 */
const CHART_CLOCK = `window.__at = {};
new MutationObserver((_, observer) => {
  const now = performance.timeOrigin + performance.now();
  if (window.__at.overview === undefined && document.querySelector(${JSON.stringify(OVERVIEW_CHART)}) !== null) {
    window.__at.overview = now;
    document.querySelector('[data-testid="nav-disparities"]')?.click();
  }
  if (window.__at.disparities === undefined && document.querySelector(${JSON.stringify(CHART)}) !== null) {
    window.__at.disparities = now;
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });`;
const chartTimes = z.object({ overview: z.number().optional(), disparities: z.number() });

const line = (text: string): void => {
  process.stdout.write(`${text}\n`);
};
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function startSandbox(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--experimental-websocket', '--import', 'tsx', 'sandbox/start.ts', '--app=dist'],
    {
      env: {
        ...process.env,
        EHR_PORT,
        APP_PORT,
        APP_DIST_DIR: DIST,
        SEED: '42',
        SEED_PATIENTS: String(PATIENTS),
        SEED_ANCHOR: '2026-11-01',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      reject(new Error(`sandbox not ready in 180 s:\n${output}`));
    }, 180_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/\bready\b/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited (${String(code)}):\n${output}`));
    });
  });
  return child;
}

const smartState = z.object({
  tokenResponse: z.object({ access_token: z.string(), scope: z.string() }),
});

/** The access token and granted scopes fhirclient keeps in the tab's sessionStorage. */
async function sessionToken(page: Page): Promise<{ token: string; scopes: string[] }> {
  const state: unknown = await page.evaluate(
    `(() => { const key = JSON.parse(sessionStorage.getItem('SMART_KEY') ?? 'null'); return typeof key === 'string' ? JSON.parse(sessionStorage.getItem(key) ?? 'null') : undefined; })()`,
  );
  const parsed = smartState.parse(state);
  return { token: parsed.tokenResponse.access_token, scopes: parsed.tokenResponse.scope.split(' ') };
}

/**
 * In-page source of the plain-fetch baseline (a string: a bundler's helpers such as `__name` do not exist in the
 * page): every page of every search, `concurrency` searches at a time, as the app schedules them.
 */
const PLAIN_FETCH = `async ({ base, paths, token, concurrency }) => {
  const started = performance.now();
  let resources = 0;
  let next = 0;
  const one = async (path) => {
    let url = base + '/' + path;
    while (url !== undefined) {
      const response = await fetch(url, { headers: { Authorization: 'Bearer ' + token, Accept: 'application/fhir+json' } });
      const bundle = await response.json();
      resources += (bundle.entry ?? []).length;
      url = (bundle.link ?? []).find((l) => l.relation === 'next')?.url;
    }
  };
  const worker = async () => {
    while (next < paths.length) await one(paths[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ms: performance.now() - started, resources };
}`;

const plainResult = z.object({ ms: z.number(), resources: z.number() });

async function plainFetch(
  page: Page,
  paths: readonly string[],
  token: string,
): Promise<{ ms: number; resources: number }> {
  const input = JSON.stringify({ base: fhirBase, paths, token, concurrency: CONCURRENCY });
  return plainResult.parse(await page.evaluate(`(${PLAIN_FETCH})(${input})`));
}

/** Longest and total main-thread long tasks recorded since the page loaded (the "page stays responsive" check). */
async function longTasks(page: Page): Promise<{ max: number; total: number }> {
  const tasks = z.array(z.number()).parse(await page.evaluate('window.__longTasks ?? []'));
  return { max: Math.max(0, ...tasks), total: tasks.reduce((a, b) => a + b, 0) };
}

async function main(): Promise<void> {
  line(`Equity Lens quality-lead panel benchmark · ${PATIENTS.toLocaleString('en-US')} patients · ${ROUNDS} rounds`);
  const built = performance.now();
  await run('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'error'], { maxBuffer: 1 << 24 });
  line(`  built the app in ${s(performance.now() - built)}`);
  const started = performance.now();
  const sandbox = await startSandbox();
  line(`  sandbox ready in ${s(performance.now() - started)}`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(
      `window.__longTasks = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });`,
    );
    // Taken in the page (as the plain fetch's time is), not when Playwright's polling notices it: that lags by up to
    // a few hundred milliseconds.
    await context.addInitScript(CHART_CLOCK);
    const page = await context.newPage();
    const launch: number[] = [];
    const overview: number[] = [];
    const reload: number[] = [];
    const plain: number[] = [];
    let resources = 0;
    let worstTask = 0;
    for (let round = 0; round <= ROUNDS; round++) {
      // Round 0 warms the server's and the browser's caches for both paths; it is not counted.
      const launchedAt = Date.now();
      await page.goto(`${ehrUrl}/ehr/launch?profile=quality-lead`);
      await page.locator(CHART).first().waitFor({ timeout: 600_000 });
      const launched = chartTimes.parse(await page.evaluate('window.__at'));
      const launchMs = launched.disparities - launchedAt;
      const overviewMs = (launched.overview ?? Number.NaN) - launchedAt;
      await page.goto(`${appUrl}/?panel=disparities`);
      await page.locator(CHART).first().waitFor({ timeout: 600_000 });
      // From the page's own start (the navigation), as before the launch path was timed.
      const reloadMs = z.number().parse(await page.evaluate('window.__at.disparities - performance.timeOrigin'));
      const marks = z
        .array(z.number())
        .parse(
          await page.evaluate(
            `['equity-lens:population-loaded', 'equity-lens:population-evaluated'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? 0)`,
          ),
        );
      const tasks = await longTasks(page);
      const { token, scopes } = await sessionToken(page);
      const year = Number(await page.getByTestId('period-year').inputValue());
      const paths = populationPlan(
        { start: `${String(year)}-01-01`, end: `${String(year)}-12-31` },
        scopes,
      ).searches.map((search) => search.path);
      const fetched = await plainFetch(page, paths, token);
      resources = fetched.resources;
      line(
        `  round ${String(round)}${round === 0 ? ' (warm-up)' : ''}: launch → overview chart ${s(overviewMs)} → ` +
          `disparity chart ${s(launchMs)}, ` +
          `reload → disparity chart ${s(reloadMs)} (loaded ${s(marks[0] ?? 0)}, evaluated ${s(marks[1] ?? 0)}), ` +
          `plain fetch ${s(fetched.ms)}, longest main-thread task ${tasks.max.toFixed(0)} ms`,
      );
      if (round === 0) continue;
      launch.push(launchMs);
      overview.push(overviewMs);
      reload.push(reloadMs);
      plain.push(fetched.ms);
      worstTask = Math.max(worstTask, tasks.max);
    }
    const base = median(plain);
    line(`\n  FHIR pages: ${resources.toLocaleString('en-US')} resources in ${String(ROUNDS)} rounds (medians below)`);
    const ratio = (xs: readonly number[]): string => `${s(median(xs))}  ratio ${(median(xs) / base).toFixed(2)}×`;
    // Each round's app runs and plain fetch share the server's state of the moment: their ratios are paired, steadier
    // when the server's speed drifts between rounds. The target is judged on the ratio of the medians.
    const paired = (xs: readonly number[]): string => `${median(xs.map((ms, i) => ms / (plain[i] ?? ms))).toFixed(2)}×`;
    line(`  plain fetch of the same pages:                ${s(base)}`);
    line(`  app, EHR launch → first chart (overview):     ${ratio(overview)}`);
    line(`  app, EHR launch → first disparity chart:      ${ratio(launch)}  (paired ${paired(launch)})`);
    line(`  app, reload → first disparity chart:          ${ratio(reload)}  (paired ${paired(reload)})`);
    line(
      `  target: launch → first disparity chart ≤ 1.3× → ${median(launch) / base <= 1.3 ? 'met' : 'MISSED'}; ` +
        `longest main-thread task ${worstTask.toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    sandbox.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
