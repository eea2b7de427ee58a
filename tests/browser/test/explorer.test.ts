// The explorer page the API serves at /, in headless Chromium on the API's own origin, under its strict
// Content-Security-Policy: every view loads from a deep link, reads as the seed says, passes axe-core without serious
// or critical violations, and shows a position posted through the API within 2 s.
//
// Needs TALKS_BASE_URL and TALKS_KEY (analyst or admin). SCREENSHOT_DIR (default: a temporary folder) receives a
// screenshot of each view; point it at docs/screenshots to refresh the README's pictures.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { launchChromium, watchProblems } from "../src/chromium.ts";
import { pageWeight } from "../src/weigh.ts";

const baseUrl = process.env.TALKS_BASE_URL?.replace(/\/+$/, "");
const key = process.env.TALKS_KEY;
const screenshots = process.env.SCREENSHOT_DIR ?? join(tmpdir(), `talks-explorer-${process.pid}`);
const TALK = "russia-ukraine-direct-talks";
const ROUND = "istanbul-2025-05-16";
const EARLIER_ROUND = "istanbul-2022-03-29";
const LOAD_TIMEOUT_MS = 15_000;
const LIVE_BUDGET_MS = 2_000;
const WEIGHT_BUDGET_BYTES = 150 * 1024;
const axeSource = readFileSync(fileURLToPath(import.meta.resolve("axe-core/axe.min.js")), "utf8");

let browser: Browser;
let page: Page;
let problems: string[] = [];

before(async () => {
  assert.ok(baseUrl && key, "Set TALKS_BASE_URL and TALKS_KEY.");
  mkdirSync(screenshots, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  problems = watchProblems(page);
});

after(async () => {
  await browser?.close();
  console.log(`Screenshots of the explorer: ${screenshots}`);
});

/** Opens a view by its address, as a reader following a link from elsewhere would, and waits for it to draw. */
async function open(route: string): Promise<void> {
  await page.goto("about:blank");
  await page.goto(`${baseUrl}/#${route}`, { timeout: LOAD_TIMEOUT_MS });
  await drawn();
}

async function drawn(): Promise<void> {
  await page.locator('main[aria-busy="false"][data-drawn]').waitFor({ timeout: LOAD_TIMEOUT_MS });
}

/** Runs axe-core in the page (through the debugger, which the page's CSP does not govern) and lists what matters. */
async function seriousViolations(): Promise<string[]> {
  const found = await page.evaluate(`${axeSource}; axe.run(document, { resultTypes: ["violations"] })`);
  const { violations } = found as { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

async function checkView(name: string): Promise<void> {
  assert.deepEqual(await seriousViolations(), [], `axe-core found serious or critical violations on the ${name} view`);
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

test("the talks list loads at / and names the talk, its rounds and its agreement", async () => {
  await open("/");
  const card = page.locator(`[data-list="talks"] li[data-id="${TALK}"]`);
  assert.match(await card.innerText(), /Russia.Ukraine direct talks/);
  assert.equal(await card.locator('[data-fact="rounds"]').innerText(), "2");
  assert.match(await card.innerText(), /Last round[\s\S]*Round 2, 16 May 2025 — Istanbul, Dolmabahçe Palace/);
  assert.match(await card.innerText(), /1\s+agreed/);
  await checkView("talks");
});

test("the talk page shows the seeded round's venue and the 1,000-for-1,000 exchange, and its timeline draws the rounds in date order", async () => {
  await open(`/talks/${TALK}`);
  const main = page.locator("main");
  assert.match(await main.locator('[data-fact="latest-round"]').innerText(), /Dolmabahçe Palace, Istanbul/);
  assert.match(await main.locator('[data-fact="agreements"]').innerText(), /1,000-for-1,000 prisoner-of-war exchange/);
  const roundMark = main.locator(`svg.timeline [data-type="round"][data-id="${ROUND}"]`);
  assert.match((await roundMark.textContent()) ?? "", /Istanbul, Dolmabahçe Palace · held/);
  assert.match((await main.locator('svg.timeline [data-type="agreement"]').textContent()) ?? "", /1,000-for-1,000 prisoner-of-war exchange/);

  for (const zoom of ["years", "months", "days"]) {
    await page.locator(`.zoom button[data-zoom="${zoom}"]`).click();
    await page.locator(`svg.timeline[data-zoom="${zoom}"]`).waitFor();
    const rounds = await page.locator('svg.timeline [data-type="round"]').evaluateAll((marks) =>
      marks.map((m) => ({ id: m.getAttribute("data-id"), x: Number(m.getAttribute("data-x")) })),
    );
    assert.deepEqual(rounds.map((r) => r.id), [EARLIER_ROUND, ROUND], `rounds at the ${zoom} zoom`);
    assert.ok(rounds[0]!.x < rounds[1]!.x, `at the ${zoom} zoom the 2022 round is drawn left of the 2025 one: ${JSON.stringify(rounds)}`);
  }
  await page.locator('.zoom button[data-zoom="months"]').click();
  await checkView("talk");

  await roundMark.click();
  await page.locator(`article.round[data-id="${ROUND}"]`).waitFor({ timeout: LOAD_TIMEOUT_MS });
  await page.goBack();
  await page.locator(`article.talk[data-id="${TALK}"]`).waitFor({ timeout: LOAD_TIMEOUT_MS });
});

test("the round page shows venue, duration, delegations with offices, answering positions, quotes and obligations", async () => {
  await open(`/rounds/${ROUND}`);
  const text = await page.locator("main").innerText();
  assert.match(text, /Dolmabahçe Palace, Istanbul — A historic Ottoman palace along the Bosphorus/);
  assert.match(text, /under 2 hours/);
  assert.match(text, /Rustem Umerov \(head of delegation\) — Minister of Defence of Ukraine/);
  assert.match(text, /Answers Russia's demand/);
  assert.match(text, /“good news for 1,000 Ukrainian families”[\s\S]*Serhiy Kyslytsya, Ukraine\s*verbatim/);
  assert.match(text, /Ukraine: Return 1,000 Russian prisoners of war to Russia/);
  assert.match(text, /Sources[\s\S]*Ukrainian and Russian Delegations/);
  await checkView("round");
});

test("the position matrix labels each cell with its kind and shows its history on keyboard focus", async () => {
  await open(`/talks/${TALK}/matrix`);
  const cell = page.locator('td[data-party="russia"][data-topic="territory"]');
  assert.match(await cell.innerText(), /demand/);
  await cell.locator("a").focus();
  assert.ok(await cell.locator(".history").isVisible(), "the cell's history shows when its link has focus");
  await checkView("matrix");
});

test("search finds “families” as the reader types, highlights it, and opens the statement", async () => {
  await open("/search");
  let searches = 0;
  page.on("request", (request) => void (request.url().includes("/api/v1/search") && searches++));
  await page.locator("#q").pressSequentially("families", { delay: 20 });
  const hit = page.locator('#results li[data-id="kyslytsya-good-news-for-families"]');
  await hit.waitFor({ timeout: LOAD_TIMEOUT_MS });
  assert.equal(await hit.locator("mark").first().innerText(), "families");
  assert.ok(searches <= 3, `typing eight letters asked the API ${searches} times; the pause should leave one or two`);
  await checkView("search");
  await hit.locator("a").first().click();
  await page.locator('article.item[data-id="kyslytsya-good-news-for-families"]').waitFor({ timeout: LOAD_TIMEOUT_MS });
  assert.match(await page.locator("main").innerText(), /“good news for 1,000 Ukrainian families”/);
  await checkView("statement");
});

test("at phone width the talk page fits the screen and the timeline scrolls inside its frame", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await open(`/talks/${TALK}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than a phone`);
    await page.screenshot({ path: join(screenshots, "talk-phone.png"), fullPage: true });
  } finally {
    await page.setViewportSize({ width: 1200, height: 900 });
  }
});

test("a position posted through the API appears on the open talk page within 2 s, with a quiet note", async () => {
  await open(`/talks/${TALK}`);
  await page.locator('#live[data-state="live"]').waitFor({ timeout: LOAD_TIMEOUT_MS });
  const stamp = Date.now().toString(36);
  const id = `explorer-ceasefire-proposal-${stamp}`;
  const posted = Date.now();
  const response = await fetch(`${baseUrl}/api/v1/positions`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` },
    body: JSON.stringify({
      id, roundId: ROUND, partyId: "ukraine", topic: "ceasefire", kind: "proposal",
      summary: `An unconditional thirty-day ceasefire (${stamp}).`, sourceIds: ["article-istanbul-talks-2025"],
    }),
    signal: AbortSignal.timeout(15_000),
  });
  assert.equal(response.status, 201, `POST /api/v1/positions answered ${response.status}: ${await response.text()}`);
  await page.locator(`svg.timeline [data-type="position"][data-id="${id}"]`).waitFor({ timeout: LIVE_BUDGET_MS });
  console.log(`The posted position was on the page ${Date.now() - posted} ms after the POST was sent`);
  // Said in words, as the page names things elsewhere: the party, the kind of position and the topic's label.
  const note = page.locator("#announcer");
  await note.filter({ hasText: "Ukraine: proposal on Ceasefire" }).waitFor({ timeout: LOAD_TIMEOUT_MS });
  assert.doesNotMatch((await note.textContent()) ?? "", new RegExp(id), "the note names the position by its id");
});

test("on paper the controls are hidden and the timeline stays", async () => {
  await open(`/talks/${TALK}`);
  await page.emulateMedia({ media: "print" });
  try {
    assert.equal(await page.locator(".zoom").isVisible(), false);
    assert.equal(await page.locator("header.site nav").isVisible(), false);
    assert.ok(await page.locator("svg.timeline").isVisible());
  } finally {
    await page.emulateMedia({ media: "screen" });
  }
});

test("the talks list shows 20 talks at a time and links to the next page and back", async () => {
  // Enough talks for a second page; each card reads its talk's rounds, so drawing every talk at once does not scale.
  const stamp = Date.now().toString(36);
  for (let i = 0; i < 21; i++) {
    const response = await fetch(`${baseUrl}/api/v1/talks`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` },
      body: JSON.stringify({ id: `paging-check-${stamp}-${i}`, title: `Paging check ${i}`, sourceIds: ["article-istanbul-talks-2025"] }),
      signal: AbortSignal.timeout(15_000),
    });
    assert.equal(response.status, 201, `POST /api/v1/talks answered ${response.status}: ${await response.text()}`);
  }
  const total = ((await (await fetch(`${baseUrl}/api/v1/talks?limit=200`)).json()) as { items: unknown[] }).items.length;
  await open("/");
  const cards = page.locator('[data-list="talks"] > li');
  assert.equal(await cards.count(), 20);
  const first = await cards.evaluateAll((items) => items.map((item) => item.getAttribute("data-id")));
  await page.locator('a[rel="next"]').click();
  await page.locator(`main[aria-busy="false"] [data-list="talks"] > li:first-child:not([data-id="${first[0]}"])`).waitFor({ timeout: LOAD_TIMEOUT_MS });
  const second = await cards.evaluateAll((items) => items.map((item) => item.getAttribute("data-id")));
  assert.equal(second.length, Math.min(20, total - 20));
  assert.deepEqual(second.filter((id) => first.includes(id)), [], "the second page repeats talks of the first");
  await page.getByRole("link", { name: "First talks" }).click();
  await page.locator(`main[aria-busy="false"] [data-list="talks"] > li:first-child[data-id="${first[0]}"]`).waitFor({ timeout: LOAD_TIMEOUT_MS });
  assert.deepEqual(await cards.evaluateAll((items) => items.map((item) => item.getAttribute("data-id"))), first);
});

test("the page weighs under 150 KB gzipped and draws its first view quickly", async () => {
  const weight = await pageWeight();
  console.log(`Explorer weight: ${weight.gzipped} bytes gzipped (${weight.raw} bytes raw, ${weight.files} files)`);
  assert.ok(weight.gzipped < WEIGHT_BUDGET_BYTES, `${weight.gzipped} bytes gzipped is over the ${WEIGHT_BUDGET_BYTES} byte budget`);
  await open("/");
  const timing = await page.evaluate(() => ({
    firstContentfulPaint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    firstView: performance.getEntriesByName("explorer:first-view")[0]?.startTime ?? null,
  }));
  console.log(`Explorer first render: first-contentful-paint ${timing.firstContentfulPaint?.toFixed(0)} ms, first view drawn ${timing.firstView?.toFixed(0)} ms`);
  assert.ok(timing.firstView !== null, "the page marks when its first view is drawn");
});

test("no view reported a script error, a refused resource or a failed request", () => {
  assert.deepEqual(problems, []);
});
