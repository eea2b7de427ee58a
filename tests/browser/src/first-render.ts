// How soon the explorer draws, by Chromium's own timing: each view is loaded by its deep link in a fresh browser
// context (an empty cache, as a reader's first visit), several times, and the median of each measure is printed.
//
//   tsx src/first-render.ts --label NAME --runs N BASE_URL ROUTE...     e.g. ... http://127.0.0.1:5080 / /talks/x
//
// Prints one tab-separated line per route: label, route, first-contentful-paint ms, first view drawn ms, API reads.
// The first view is the page's own performance mark "explorer:first-view", set once the view is in the document.
import { launchChromium } from "./chromium.ts";

const LOAD_TIMEOUT_MS = 30_000;

interface Timing {
  firstContentfulPaint: number | null;
  firstView: number | null;
  apiReads: number;
}

function parse(args: string[]): { label: string; runs: number; baseUrl: string; routes: string[] } {
  let label = "explorer";
  let runs = 5;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--label") label = args[++i] ?? label;
    else if (arg === "--runs") runs = Number(args[++i]);
    else rest.push(arg);
  }
  const [baseUrl, ...routes] = rest;
  if (!baseUrl || routes.length === 0 || !Number.isInteger(runs) || runs < 1) {
    console.error("usage: first-render.ts [--label NAME] [--runs N] BASE_URL ROUTE...");
    process.exit(2);
  }
  return { label, runs, baseUrl: baseUrl.replace(/\/+$/, ""), routes };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const { label, runs, baseUrl, routes } = parse(process.argv.slice(2));
const browser = await launchChromium();
try {
  for (const route of routes) {
    const timings: Timing[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      let apiReads = 0;
      page.on("request", (request) => {
        if (new URL(request.url()).pathname.startsWith("/api/")) apiReads++;
      });
      await page.goto(`${baseUrl}/#${route}`, { timeout: LOAD_TIMEOUT_MS });
      await page.locator('main[aria-busy="false"][data-drawn]').waitFor({ timeout: LOAD_TIMEOUT_MS });
      if (await page.locator("#error").count()) throw new Error(`${route} drew an error: ${await page.locator("#error").innerText()}`);
      const timing = await page.evaluate(() => ({
        firstContentfulPaint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
        firstView: performance.getEntriesByName("explorer:first-view")[0]?.startTime ?? null,
      }));
      timings.push({ ...timing, apiReads });
      await context.close();
    }
    const measured = (pick: (t: Timing) => number | null) => {
      const values = timings.map(pick).filter((v): v is number => v !== null);
      if (values.length !== timings.length) throw new Error(`${route}: a run recorded no timing`);
      return median(values).toFixed(0);
    };
    console.log([label, route, measured((t) => t.firstContentfulPaint), measured((t) => t.firstView), Math.max(...timings.map((t) => t.apiReads))].join("\t"));
  }
} finally {
  await browser.close();
}
