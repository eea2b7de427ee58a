// The explorer page the API serves at /, in headless Chromium on the API's own origin, under its strict
// Content-Security-Policy: every view loads from a deep link, reads as the seed says, passes axe-core without serious
// or critical violations, and shows a position posted through the API within 2 s. At a desktop's and a phone's width
// every view is looked over for what a reader would call a defect (src/looks.ts): a page that pans sideways, a lane
// or column title out of sight, a character reference, an ISO date or an id where words belong.
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
import { drawingEdgeProblems, idsWithLabels, scrollFrames, textProblems, timelineFitProblems, titleProblems } from "../src/looks.ts";
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
const SOURCE = "article-istanbul-talks-2025";
const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const axeSource = readFileSync(fileURLToPath(import.meta.resolve("axe-core/axe.min.js")), "utf8");

let browser: Browser;
let page: Page;
let problems: string[] = [];
/** Ids that must never show where a label exists; read from the API before the views are opened. */
let labelledIds: string[] = [];

before(async () => {
  assert.ok(baseUrl && key, "Set TALKS_BASE_URL and TALKS_KEY.");
  mkdirSync(screenshots, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: WIDE });
  problems = watchProblems(page);
  labelledIds = await idsWithLabels(baseUrl!);
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

  for (const zoom of ["whole", "years", "months", "days"]) {
    await page.locator(`.zoom button[data-zoom="${zoom}"]`).click();
    await page.locator(`svg.timeline[data-zoom="${zoom}"]`).waitFor();
    const rounds = await page.locator('svg.timeline [data-type="round"]').evaluateAll((marks) =>
      marks.map((m) => ({ id: m.getAttribute("data-id"), x: Number(m.getAttribute("data-x")) })),
    );
    assert.deepEqual(rounds.map((r) => r.id), [EARLIER_ROUND, ROUND], `rounds at the ${zoom} zoom`);
    assert.ok(rounds[0]!.x < rounds[1]!.x, `at the ${zoom} zoom the 2022 round is drawn left of the 2025 one: ${JSON.stringify(rounds)}`);
  }
  // The picture shows the talk as it opens, whole.
  await page.locator('.zoom button[data-zoom="whole"]').click();
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
  // The statement's quote and the context the record gives it are indexed as one text; the snippet keeps them apart.
  assert.match(await hit.locator(".snippet").innerText(), /families”\s*—\s*On the agreement/);
  await checkView("search");
  await hit.locator("a").first().click();
  await page.locator('article.item[data-id="kyslytsya-good-news-for-families"]').waitFor({ timeout: LOAD_TIMEOUT_MS });
  assert.match(await page.locator("main").innerText(), /“good news for 1,000 Ukrainian families”/);
  await checkView("statement");
});

test("search finds a negotiator by his name in Cyrillic and opens his page", async () => {
  await open(`/search?q=${encodeURIComponent("Мединский")}`);
  const hit = page.locator('#results li[data-type="person"][data-id="vladimir-medinsky"]');
  await hit.waitFor({ timeout: LOAD_TIMEOUT_MS });
  assert.match(await hit.locator("a").first().innerText(), /Vladimir Medinsky/);
  assert.match(await hit.locator(".badge").innerText(), /person/);
  await hit.locator("a").first().click();
  await page.waitForURL(/#\/people\/vladimir-medinsky$/, { timeout: LOAD_TIMEOUT_MS });
  await page.locator("main h1", { hasText: "Vladimir Medinsky" }).waitFor({ timeout: LOAD_TIMEOUT_MS });
});

/** Round hits of a search, each with its title: two rounds at one venue must not read alike. */
async function searchChecks(): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const titles = [...document.querySelectorAll('#results li[data-type="round"] > a')].map((a) => a.textContent ?? "");
    if (new Set(titles).size < titles.length) found.push(`two round results read alike: ${JSON.stringify(titles)}`);
    for (const title of titles) if (!/\d{1,2} [A-Z][a-z]+ \d{4}/.test(title)) found.push(`the round result "${title}" does not say its date`);
    for (const element of document.querySelectorAll(".snippet *")) {
      if (element.tagName !== "MARK") found.push(`a snippet holds a <${element.tagName.toLowerCase()}>; only <mark> and text belong there`);
    }
    if (!/Russia's demand/.test(document.body.innerText)) found.push(`the snippet of Ukraine's rejection does not read "Russia's demand"`);
    return found;
  });
}

/** The seeded round: obligations under their heading, said once; topics by label; role badges apart. */
async function roundChecks(): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const headings = [...document.querySelectorAll("h2, h3, h4, h5")];
    const obligations = headings.find((h) => h.textContent === "Obligations");
    if (!obligations?.nextElementSibling?.textContent?.includes("Return 1,000 Russian prisoners of war to Russia")) {
      found.push("the obligations are not under a heading of their own");
    }
    for (const item of document.querySelectorAll("li")) {
      const text = item.textContent ?? "";
      if (text.startsWith("Ukraine: Return 1,000") && text.split("1,000").length - 1 > 1) found.push(`an obligation says its quantity twice: "${text}"`);
    }
    if (!document.body.innerText.includes("Further rounds")) found.push(`the topic "further-talks" is not called by its label, "Further rounds"`);
    for (const badge of document.querySelectorAll(".badge + .badge")) {
      const left = badge.previousElementSibling!.getBoundingClientRect();
      const right = badge.getBoundingClientRect();
      if (Math.abs(left.top - right.top) < 2 && right.left - left.right < 4) {
        found.push(`the badges "${badge.previousElementSibling!.textContent}" and "${badge.textContent}" touch (${(right.left - left.right).toFixed(1)} px apart)`);
      }
    }
    return found;
  });
}

/**
 * The timeline opens on the whole talk; at every zoom nothing is cut at the drawing's edges and the lane titles stay
 * in sight however far the frame is scrolled.
 */
async function timelineChecks(): Promise<string[]> {
  const found = await timelineFitProblems(page);
  for (const button of await page.locator(".zoom button").all()) {
    const zoom = await button.getAttribute("data-zoom");
    await button.click();
    await page.locator(`svg.timeline[data-zoom="${zoom}"]`).waitFor();
    found.push(...(await drawingEdgeProblems(page)).map((p) => `at the ${zoom} zoom, ${p}`));
    for (const to of ["start", "end"] as const) {
      await scrollFrames(page, to);
      found.push(...(await titleProblems(page)).map((p) => `at the ${zoom} zoom scrolled to its ${to}, ${p}`));
    }
  }
  return found;
}

/** The talks list links to the API's own reference, Swagger UI, once the page has seen that the API serves it. */
async function talksChecks(): Promise<string[]> {
  const link = page.locator('a[data-nav="api"][data-checked]');
  await link.waitFor({ timeout: LOAD_TIMEOUT_MS }).catch(() => undefined);
  const href = await page.locator('a[data-nav="api"]').evaluate((a) => (a as HTMLAnchorElement).href);
  return new URL(href).pathname === "/swagger/" ? [] : [`"API document" opens ${href}, not Swagger UI at /swagger/`];
}

/** A view to look over at each width: its address, and checks of its own. */
type View = { name: string; route: string; checks?: () => Promise<string[]> };

const VIEWS: View[] = [
  { name: "talks", route: "/", checks: talksChecks },
  { name: "talk", route: `/talks/${TALK}`, checks: timelineChecks },
  { name: "matrix", route: `/talks/${TALK}/matrix` },
  { name: "round", route: `/rounds/${ROUND}`, checks: roundChecks },
  { name: "statement", route: "/statements/kyslytsya-good-news-for-families" },
  { name: "search", route: "/search?q=russia", checks: searchChecks },
  { name: "party", route: "/parties/ukraine" },
  { name: "person", route: "/people/rustem-umerov" },
];

/** Opens a view at a width and lists what a reader would call a defect in it. */
async function lookOver(view: View, viewport: typeof WIDE): Promise<void> {
  await page.setViewportSize(viewport);
  try {
    await open(view.route);
    // The first view, as a reader opening the address sees it, before the checks zoom and scroll.
    if (viewport === PHONE) await page.screenshot({ path: join(screenshots, `${view.name}-phone.png`), fullPage: true });
    // axe-core at 1280 px runs with the tests that open each view; a phone's layout is looked at here.
    const found = viewport === PHONE ? await seriousViolations() : [];
    found.push(...(await textProblems(page, labelledIds)), ...((await view.checks?.()) ?? []));
    for (const to of ["start", "end"] as const) {
      await scrollFrames(page, to);
      found.push(...(await titleProblems(page)).map((p) => `with its frames scrolled to their ${to}, ${p}`));
    }
    // Again after the view's own checks, which redraw it (the timeline at each zoom).
    for (const p of await textProblems(page, labelledIds)) if (!found.includes(p)) found.push(`after the checks, ${p}`);
    assert.deepEqual([...new Set(found)], [], `the ${view.name} view at ${viewport.width} px`);
  } finally {
    await page.setViewportSize(WIDE);
  }
}

for (const viewport of [WIDE, PHONE]) {
  for (const view of VIEWS) {
    test(`the ${view.name} view at ${viewport.width} px: no sideways page, titles in sight, words not ids or character references`, () => lookOver(view, viewport));
  }
}

/**
 * A process beyond one bilateral round, recorded through the API as an analyst would, once for the tests that need
 * it and after the seed's pictures are taken: two parties to the conflict (one an armed group known by names in
 * other scripts) and five third parties in five roles, one of them a group of states with members; a round of eight
 * days with an agreement that later moved on, one known only to its month, one to its year, and one called off.
 */
function recordedProcess() {
  return (recorded ??= recordProcess());
}
let recorded: ReturnType<typeof recordProcess> | undefined;

async function recordProcess() {
  const stamp = Date.now().toString(36);
  const id = (name: string) => `process-${stamp}-${name}`;
  const ids = {
    talk: id("talks"), northland: id("northland"), front: id("southern-front"), eastmark: id("eastmark"), westmark: id("westmark"),
    friends: id("friends"), lakeland: id("lakeland"), council: id("council-of-lakes"), envoy: id("mira-kovalenko"),
    span: id("oslo-2015-03-26"), month: id("havana-2015-05"), year: id("geneva-2016"), cancelled: id("oslo-2015-06-15"), ceasefire: id("ceasefire"),
  };
  const party = (partyId: string, name: string, kind: string, more: object = {}) =>
    post("/api/v1/parties", { id: partyId, name, kind, sourceIds: [SOURCE], ...more });
  await party(ids.northland, "Northland", "state", { conflictParty: true, otherNames: [{ name: "Nordland", language: "de", kind: "native" }] });
  await party(ids.front, "Southern Front", "armed-group", {
    conflictParty: true,
    otherNames: [
      { name: "Фронт Юга", language: "ru", kind: "native" },
      { name: "جبهة الجنوب", language: "ar", kind: "native" },
      { name: "SF", language: "en", kind: "short" },
    ],
  });
  await party(ids.eastmark, "Eastmark", "state");
  await party(ids.westmark, "Westmark", "state");
  await party(ids.friends, "Friends of the Talks", "state-group", { memberIds: [ids.eastmark, ids.westmark] });
  await party(ids.lakeland, "Lakeland", "state");
  await party(ids.council, "Council of Lakes", "international-organisation");
  await post("/api/v1/people", {
    id: ids.envoy, name: "Mira Kovalenko", office: "Chief negotiator of Northland", partyId: ids.northland, sourceIds: [SOURCE],
    otherNames: [{ name: "Міра Коваленко", language: "uk", kind: "native" }, { name: "Mira Kowalenko", language: "pl", kind: "transliteration" }],
  });
  await post("/api/v1/talks", { id: ids.talk, title: `Northland–Southern Front talks (${stamp})`, sourceIds: [SOURCE] });
  const sides = [{ partyId: ids.northland, role: "negotiating-party" }, { partyId: ids.front, role: "negotiating-party" }];
  const round = (roundId: string, sequence: number, more: object) =>
    post(`/api/v1/talks/${ids.talk}/rounds`, { id: roundId, sequence, status: "held", participants: sides, delegates: [], sourceIds: [SOURCE], ...more });
  await round(ids.span, 1, {
    date: "2015-03-26", endDate: "2015-04-02", city: "Oslo",
    participants: [
      ...sides,
      { partyId: ids.eastmark, role: "host" }, { partyId: ids.eastmark, role: "facilitator" }, { partyId: ids.friends, role: "guarantor" },
      { partyId: ids.council, role: "witness" }, { partyId: ids.lakeland, role: "accompanying" },
    ],
    delegates: [{ personId: ids.envoy, partyId: ids.northland, role: "head" }],
    agreements: [{
      id: ids.ceasefire, title: "Partial ceasefire", type: "ceasefire", status: "agreed", agreedOn: "2015-04-02",
      summary: "A ceasefire in the southern districts.", obligations: [], sourceIds: [SOURCE],
    }],
  });
  await post(`/api/v1/agreements/${ids.ceasefire}/events`, {
    occurredOn: "2015-09-01", description: "Monitors deployed in the southern districts.", statusAfter: "in-implementation", sourceIds: [SOURCE],
  });
  await round(ids.month, 2, { date: "2015-05-01", datePrecision: "month", city: "Havana" });
  await round(ids.cancelled, 3, { date: "2015-06-15", city: "Oslo", status: "cancelled" });
  await round(ids.year, 4, { date: "2016-01-01", datePrecision: "year", city: "Geneva" });
  // The new records' ids must not show where their names belong, as the seed's must not.
  labelledIds = await idsWithLabels(baseUrl!);
  return ids;
}

/** A round's mark on the timeline: its label, where its mark is and where its span runs. */
async function roundMark(roundId: string) {
  const mark = page.locator(`svg.timeline [data-type="round"][data-id="${roundId}"]`);
  const [from, to] = ((await mark.getAttribute("data-span")) ?? "").split(" ").map(Number);
  return { text: (await mark.textContent()) ?? "", x: Number(await mark.getAttribute("data-x")), from, to, crossed: await mark.locator(".shape.cross").count() };
}

async function zoomTo(zoom: string): Promise<void> {
  await page.locator(`.zoom button[data-zoom="${zoom}"]`).click();
  await page.locator(`svg.timeline[data-zoom="${zoom}"]`).waitFor();
}

test("the timeline draws a round of eight days across them, a round known to its month across the month, says a round was cancelled, and an agreement's status then", async () => {
  const ids = await recordedProcess();
  await open(`/talks/${ids.talk}`);
  await zoomTo("days");
  const span = await roundMark(ids.span);
  assert.match(span.text, /Round 1 · Oslo · held · 26 March\s*–\s*2 April 2015/);
  assert.ok(Math.abs(span.to! - span.from! - 7 * 90) < 1, `at 90 px a day the round of 26 March to 2 April spans ${span.to! - span.from!} px, not 630`);
  assert.equal(span.x, span.from, "a round of several days has its mark on its first day");

  await zoomTo("months");
  const month = await roundMark(ids.month);
  assert.match(month.text, /Round 2 · Havana · held · May 2015$/);
  assert.doesNotMatch(month.text, /1 May/);
  assert.ok(Math.abs(month.to! - month.from! - 30 * 8) < 1, `at 8 px a day May spans ${month.to! - month.from!} px, not 240`);
  assert.ok(Math.abs(month.x - (month.from! + month.to!) / 2) <= 8, `the mark of a round known to its month is in the month's middle, not on its 1st: ${JSON.stringify(month)}`);
  const year = await roundMark(ids.year);
  assert.match(year.text, /Round 4 · Geneva · held · 2016$/);

  const cancelled = await roundMark(ids.cancelled);
  assert.match(cancelled.text, /Round 3 · Oslo · cancelled$/);
  assert.equal(cancelled.crossed, 1, "a cancelled round is drawn as a cross, not a held round's dot");
  assert.equal((await roundMark(ids.span)).crossed, 0);

  const agreement = (await page.locator(`svg.timeline [data-type="agreement"][data-id="${ids.ceasefire}"]`).textContent()) ?? "";
  assert.match(agreement, /Partial ceasefire · agreed \(now in implementation\)/, "the agreement shows the status it had when it was agreed");
  await zoomTo("whole");
  await checkView("process-talk");
});

test("a round of several days gives its span, and its parties grouped by role in words; a cancelled one says it did not take place", async () => {
  const ids = await recordedProcess();
  await open(`/rounds/${ids.span}`);
  assert.match(await page.locator('[data-fact="date"]').innerText(), /^26 March\s*–\s*2 April 2015$/);
  assert.match(await page.locator("main").innerText(), /Duration\s*8 days/);
  const groups = await page.locator("section.role").evaluateAll((sections) =>
    sections.map((section) => [section.querySelector("h3")?.textContent, [...section.querySelectorAll("h4")].map((h) => h.textContent)]),
  );
  assert.deepEqual(groups, [
    ["Negotiating parties", ["Northland", "Southern Front"]],
    ["Hosts", ["Eastmark also facilitator"]],
    ["Guarantors", ["Friends of the Talks"]],
    ["Witnesses", ["Council of Lakes"]],
    ["Accompanying the talks", ["Lakeland"]],
  ]);
  assert.match(await page.locator(`[data-party="${ids.northland}"]`).innerText(), /Mira Kovalenko \(head of delegation\)/);
  await checkView("process-round");

  await open(`/rounds/${ids.cancelled}`);
  assert.match(await page.locator("main").innerText(), /Status\s*cancelled — called off: this meeting did not take place/);
  await open(`/rounds/${ids.month}`);
  assert.equal(await page.locator('[data-fact="date"]').innerText(), "May 2015");
});

test("a party's page gives its kind and side in words, its other names each in its language, its members and groups as links", async () => {
  const ids = await recordedProcess();
  await open(`/parties/${ids.front}`);
  assert.equal(await page.locator('[data-fact="kind"]').innerText(), "armed group");
  assert.match(await page.locator('[data-fact="conflict"]').innerText(), /^yes/);
  const names = await page.locator(".names bdi").evaluateAll((all) => all.map((b) => [b.getAttribute("lang"), b.textContent]));
  assert.deepEqual(names, [["ru", "Фронт Юга"], ["ar", "جبهة الجنوب"], ["en", "SF"]]);
  assert.match(await page.locator(".names").innerText(), /Фронт Юга — Russian, native name/);
  assert.match(await page.locator(`.rounds li[data-id="${ids.span}"]`).innerText(), /Round 1 of the Northland–Southern Front talks .*, 26 March\s*–\s*2 April 2015 — Oslo: negotiating party/);
  await checkView("process-party");

  await open(`/parties/${ids.friends}`);
  assert.equal(await page.locator('[data-fact="kind"]').innerText(), "group of states");
  assert.match(await page.locator('[data-fact="conflict"]').innerText(), /^no/);
  assert.deepEqual(await page.locator('[data-fact="members"] a').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute("href")])), [
    ["Eastmark", `#/parties/${ids.eastmark}`],
    ["Westmark", `#/parties/${ids.westmark}`],
  ]);
  await page.locator('[data-fact="members"] a').first().click();
  await page.locator(`article.party[data-id="${ids.eastmark}"]`).waitFor({ timeout: LOAD_TIMEOUT_MS });
  assert.equal(await page.locator('[data-fact="member-of"] a').getAttribute("href"), `#/parties/${ids.friends}`);
});

test("a person's page gives their other names each in its language, and the rounds they sat in", async () => {
  const ids = await recordedProcess();
  await open(`/rounds/${ids.span}`);
  await page.getByRole("link", { name: "Mira Kovalenko" }).click();
  await page.locator(`article.person[data-id="${ids.envoy}"]`).waitFor({ timeout: LOAD_TIMEOUT_MS });
  const names = await page.locator(".names bdi").evaluateAll((all) => all.map((b) => [b.getAttribute("lang"), b.textContent]));
  assert.deepEqual(names, [["uk", "Міра Коваленко"], ["pl", "Mira Kowalenko"]]);
  const rounds = await page.locator(".rounds li").allInnerTexts();
  assert.equal(rounds.length, 1);
  assert.match(rounds[0]!, /Round 1 of the Northland–Southern Front talks .*, 26 March\s*–\s*2 April 2015 — Oslo: head of delegation for Northland/);
  await checkView("process-person");
});

for (const viewport of [WIDE, PHONE]) {
  for (const name of ["talk", "round", "party", "person"]) {
    test(`the process's ${name} view at ${viewport.width} px: no sideways page, titles in sight, words not ids or character references`, async () => {
      const ids = await recordedProcess();
      const route = { talk: `/talks/${ids.talk}`, round: `/rounds/${ids.span}`, party: `/parties/${ids.front}`, person: `/people/${ids.envoy}` }[name]!;
      await lookOver({ name: `process-${name}`, route, checks: name === "talk" ? timelineChecks : undefined }, viewport);
    });
  }
}

test("without Swagger UI on the server, “API document” opens the OpenAPI document instead", async () => {
  const context = await browser.newContext({ viewport: WIDE });
  try {
    const alone = await context.newPage();
    await alone.route("**/swagger/index.html", (route) => route.fulfill({ status: 404, body: "" }));
    await alone.goto(`${baseUrl}/#/`, { timeout: LOAD_TIMEOUT_MS });
    const link = alone.locator('a[data-nav="api"][data-checked]');
    await link.waitFor({ timeout: LOAD_TIMEOUT_MS });
    assert.equal(new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href)).pathname, "/swagger/v1/swagger.json");
  } finally {
    await context.close();
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

/** POSTs a record as the analyst's key, and fails the test with the API's answer if it is not created. */
async function post(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  assert.equal(response.status, 201, `POST ${path} answered ${response.status}: ${await response.text()}`);
}

test("the talks list counts agreements per status; a round keeps obligations and implementation events under their own headings and lists the sources its events cite", async () => {
  // A talk of its own, named to sort first in the list: three agreements in two states, one with an implementation
  // event that alone cites a source.
  const stamp = Date.now().toString(36);
  const talkId = `a-checks-${stamp}`;
  const roundId = `checks-${stamp}`;
  const handover = `checks-${stamp}-handover`;
  const eventSource = `checks-${stamp}-handover-report`;
  const agreement = (id: string, title: string, status: string, obligations: unknown[] = []) => ({
    id, title: `${title} (${stamp})`, type: "other", status, summary: "An agreement of the checks.", obligations, sourceIds: [SOURCE],
  });
  await post("/api/v1/talks", { id: talkId, title: `Checks ${stamp}`, sourceIds: [SOURCE] });
  await post(`/api/v1/talks/${talkId}/rounds`, {
    id: roundId, date: "2024-02-03", city: "Geneva", venue: "Palais des Nations", status: "held", delegates: [], sourceIds: [SOURCE],
    participants: [{ partyId: "ukraine", role: "negotiating-party" }, { partyId: "russia", role: "negotiating-party" }],
    sources: [{ id: eventSource, title: `Report on the first handover (${stamp})`, kind: "report" }],
    agreements: [
      agreement(handover, "Handover of detainees", "in-implementation", [
        { partyId: "ukraine", description: "Hand over 12 detainees.", quantity: 12, unit: "detainees", beneficiaryPartyId: "russia" },
        { partyId: "russia", description: "Open a crossing for the handover.", quantity: 2, unit: "crossings" },
      ]),
      agreement(`checks-${stamp}-crossing`, "Crossing kept open", "agreed"),
      agreement(`checks-${stamp}-talks`, "Talks to resume", "agreed"),
    ],
  });
  await post(`/api/v1/agreements/${handover}/events`, { occurredOn: "2024-02-10", description: "The first six detainees were handed over.", sourceIds: [eventSource] });

  await open("/");
  const counts = page.locator(`[data-list="talks"] li[data-id="${talkId}"] dt:text-is("Agreements") + dd .badge`);
  assert.deepEqual(await counts.allInnerTexts(), ["2 agreed", "1 in implementation"], "each status badge says how many agreements it stands for");

  await open(`/rounds/${roundId}`);
  const item = page.locator(`li.agreement[data-id="${handover}"]`);
  const listUnder = (heading: string) => item.getByRole("heading", { name: heading }).locator("xpath=following-sibling::*[1]");
  assert.deepEqual(await listUnder("Obligations").locator("li").allInnerTexts(), [
    "Ukraine: Hand over 12 detainees. (to Russia)",
    "Russia: Open a crossing for the handover. (2 crossings)",
  ]);
  assert.match(await listUnder("Implementation events").innerText(), /10 February 2024: The first six detainees were handed over\./);
  assert.match(await page.locator(".sources").innerText(), new RegExp(`Report on the first handover \\(${stamp}\\)`), "the source only the event cites is listed");
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
