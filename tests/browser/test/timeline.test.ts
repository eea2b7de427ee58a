// Loads the timeline page in headless Chromium from its own origin, posts a position through the API from here (the
// key never reaches the browser), and waits for the page to show it. Passing proves that CORS lets the page read the
// API, that the change stream reaches a browser, and that the bundled client works there.
//
// Needs TALKS_BASE_URL and TALKS_KEY (analyst or admin), and STATIC_PORT: the port the API's CORS allows, as
// http://127.0.0.1:STATIC_PORT. CHROMIUM overrides /usr/bin/chromium.
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchChromium, watchProblems } from "../src/chromium.ts";
import { startStaticServer, type StaticServer } from "../src/serve.ts";

const baseUrl = process.env.TALKS_BASE_URL?.replace(/\/+$/, "");
const key = process.env.TALKS_KEY;
const staticPort = Number(process.env.STATIC_PORT ?? 0);
const TALK = "russia-ukraine-direct-talks";
const SEEDED_POSITION = "russia-demands-withdrawal-for-ceasefire";
const LOAD_TIMEOUT_MS = 15_000;
const LIVE_UPDATE_TIMEOUT_MS = 15_000;

let server: StaticServer;
let browser: Browser;
let page: Page;
/** What the page reported going wrong: CORS refusals and script errors land here. */
let pageProblems: string[] = [];

before(async () => {
  assert.ok(baseUrl && key, "Set TALKS_BASE_URL and TALKS_KEY (and STATIC_PORT, the port the API's CORS allows).");
  server = await startStaticServer({ port: staticPort });
  browser = await launchChromium();
  page = await browser.newPage();
  pageProblems = watchProblems(page);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs a step of the test; on failure saves what the page looked like, and what it complained about. */
async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const shot = join(tmpdir(), `talks-timeline-${Date.now()}.png`);
    await page?.screenshot({ path: shot, fullPage: true }).then(
      () => console.error(`Screenshot of the page when "${name}" failed: ${shot}`),
      (e: Error) => console.error(`No screenshot: ${e.message}`),
    );
    const problems = pageProblems.length ? `\nThe page reported:\n  ${pageProblems.join("\n  ")}` : "";
    const shown = await page?.locator("#error").textContent().catch(() => null);
    throw new Error(`${name}: ${(error as Error).message}${shown ? `\nThe page shows: ${shown}` : ""}${problems}`, { cause: error });
  }
}

test("the timeline page shows a position posted through the API, live", async () => {
  const pageUrl = `${server.origin}/?api=${encodeURIComponent(baseUrl!)}&talk=${TALK}`;

  await step("load the timeline from another origin", async () => {
    await page.goto(pageUrl, { timeout: LOAD_TIMEOUT_MS });
    await page.locator(`#timeline [data-type="position"][data-id="${SEEDED_POSITION}"]`).waitFor({ timeout: LOAD_TIMEOUT_MS });
    assert.match((await page.locator("#title").textContent()) ?? "", /Russia.Ukraine/);
  });

  await step("subscribe to the change stream", async () => {
    await page.locator('#live[data-state="live"]').waitFor({ timeout: LOAD_TIMEOUT_MS });
  });

  const stamp = Date.now().toString(36);
  const position = {
    id: `browser-ceasefire-proposal-${stamp}`,
    roundId: "istanbul-2025-05-16",
    partyId: "ukraine",
    topic: "ceasefire",
    kind: "proposal",
    summary: `An unconditional thirty-day ceasefire, posted while the page watched (${stamp}).`,
    sourceIds: ["article-istanbul-talks-2025"],
  };

  await step("post a position through the API", async () => {
    const response = await fetch(`${baseUrl}/api/v1/positions`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` },
      body: JSON.stringify(position),
      signal: AbortSignal.timeout(15_000),
    });
    assert.equal(response.status, 201, `POST /api/v1/positions answered ${response.status}: ${await response.text()}`);
  });

  await step(`see the new position on the page within ${LIVE_UPDATE_TIMEOUT_MS / 1000} s`, async () => {
    const entry = page.locator(`#timeline [data-type="position"][data-id="${position.id}"]`);
    await entry.waitFor({ timeout: LIVE_UPDATE_TIMEOUT_MS });
    assert.match((await entry.textContent()) ?? "", new RegExp(stamp));
  });

  assert.deepEqual(pageProblems, [], "the page reported problems");
});
