// What a reader would call a visual defect, looked for in the page as drawn: a page that pans sideways, a lane or
// column title out of sight, a character reference or an id where words belong, a label cut at a drawing's edge.
// Each function returns what it found as sentences, so a failing check lists every defect of a view at once.
import type { Page } from "playwright-core";

/** The frames that scroll sideways on their own: the timeline and the position matrix. */
const FRAMES = ".timeline-frame, .matrix-frame";

/**
 * Ids a reader should never see, because a name or label exists for them: parties, people and topics, and the
 * records of the seed. A one-word id ("russia", "ceasefire") reads as an ordinary word in prose, so only ids of
 * several words are looked for, as written and as words, unless the label itself says the same.
 */
export async function idsWithLabels(baseUrl: string): Promise<string[]> {
  const items = async <T>(path: string) =>
    ((await (await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(15_000) })).json()) as { items: T[] }).items;
  type Named = { id: string; name: string };
  type Labelled = { id: string; label: string };
  type Record = { id: string };
  const [parties, people, topics, ...records] = await Promise.all([
    items<Named>("/api/v1/parties?limit=200"),
    items<Named>("/api/v1/people?limit=200"),
    items<Labelled>("/api/v1/topics?limit=200&retired=any"),
    items<Record>("/api/v1/talks?limit=200"),
    items<Record>("/api/v1/rounds?limit=200"),
    items<Record>("/api/v1/positions?limit=200"),
    items<Record>("/api/v1/statements?limit=200"),
    items<Record>("/api/v1/agreements?limit=200"),
  ]);
  const forms = (id: string, label: string) =>
    id.includes("-") ? [id, id.replaceAll("-", " ")].filter((form) => !label.toLowerCase().includes(form)) : [];
  return [
    ...[...parties, ...people].flatMap((p) => forms(p.id, p.name)),
    ...topics.flatMap((t) => forms(t.id, t.label)),
    ...records.flat().map((r) => r.id).filter((id) => id.includes("-")),
  ];
}

/** Sideways scrolling of the page, character references and ISO dates shown as text, ids shown instead of labels. */
export async function textProblems(page: Page, ids: string[]): Promise<string[]> {
  return page.evaluate((ids) => {
    const problems: string[] = [];
    const { scrollWidth } = document.documentElement;
    if (scrollWidth > innerWidth) problems.push(`the page is ${scrollWidth - innerWidth} px wider than the window, so it scrolls sideways`);
    const text = document.body.innerText;
    // Where each defect is, with the words around it. (No named functions in here: the test runner's transform would
    // wrap them in a helper the page does not have.)
    const found: [number, string][] = [
      ...[...text.matchAll(/&(?:#\d+|#x[0-9a-f]+|[a-z]+);/gi)].map((m): [number, string] => [m.index, "a character reference shows as text"]),
      ...[...text.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)].map((m): [number, string] => [m.index, `an ISO date shows where the page says "16 May 2025"`]),
      ...ids.filter((id) => text.includes(id)).map((id): [number, string] => [text.indexOf(id), `the id "${id}" shows where its label should`]),
    ];
    for (const [at, what] of found) problems.push(`${what}: ${JSON.stringify(text.slice(Math.max(0, at - 30), at + 40).replace(/\s+/g, " "))}`);
    return [...new Set(problems)];
  }, ids);
}

/** Scrolls every sideways frame to its start or its end, as a reader would, and lets the page draw. */
export async function scrollFrames(page: Page, to: "start" | "end"): Promise<void> {
  await page.evaluate(
    ([selector, to]) => {
      for (const frame of document.querySelectorAll(selector)) frame.scrollLeft = to === "start" ? 0 : frame.scrollWidth;
      return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    },
    [FRAMES, to] as const,
  );
}

/**
 * Lane titles of the timeline and the party column of the matrix (its heading and each party) inside the window and
 * inside the visible part of their frame, wherever the frame is scrolled to.
 */
export async function titleProblems(page: Page): Promise<string[]> {
  return page.evaluate((frames) => {
    const problems: string[] = [];
    const titles = [
      ...document.querySelectorAll(".lane-title"),
      ...document.querySelectorAll("table.matrix tr > :first-child"),
    ];
    for (const title of titles) {
      const box = title.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not drawn on screen (the copy kept for print)
      const frame = title.closest(frames)?.getBoundingClientRect();
      const left = Math.max(0, frame?.left ?? 0);
      const right = Math.min(innerWidth, frame?.right ?? innerWidth);
      if (box.left < left - 0.5 || box.right > right + 0.5) {
        problems.push(`the title "${title.textContent?.trim()}" is cut or out of sight: it spans ${box.left.toFixed(0)}–${box.right.toFixed(0)} px, the visible part of its frame ${left.toFixed(0)}–${right.toFixed(0)} px`);
      }
    }
    return problems;
  }, FRAMES);
}

/**
 * The timeline as it first opens: the whole talk in its frame, not scrolled, every round in sight.
 */
export async function timelineFitProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const frame = document.querySelector(".timeline-frame");
    if (!frame) return ["no timeline"];
    if (frame.scrollLeft > 0) problems.push(`the timeline opens scrolled ${frame.scrollLeft.toFixed(0)} px to the right`);
    if (frame.scrollWidth > frame.clientWidth + 1) problems.push(`the timeline opens ${frame.scrollWidth - frame.clientWidth} px wider than its frame`);
    const seen = frame.getBoundingClientRect();
    for (const mark of frame.querySelectorAll('[data-type="round"] .shape')) {
      const box = mark.getBoundingClientRect();
      if (box.left < seen.left || box.right > seen.right) problems.push(`round ${mark.closest("[data-id]")?.getAttribute("data-id")} is out of sight when the timeline opens`);
    }
    return problems;
  });
}

/** Every label and shape of the timeline inside its drawing: nothing cut at the drawing's left or right edge. */
export async function drawingEdgeProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const svg of document.querySelectorAll("svg.timeline")) {
      const edge = svg.getBoundingClientRect();
      for (const part of svg.querySelectorAll("text, .shape, .bar, .span, .event")) {
        const box = part.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        if (box.left < edge.left - 0.5 || box.right > edge.right + 0.5) {
          problems.push(`"${part.textContent?.trim() || part.getAttribute("class")}" runs past the drawing's edge (${box.left.toFixed(0)}–${box.right.toFixed(0)} px, drawing ${edge.left.toFixed(0)}–${edge.right.toFixed(0)} px)`);
        }
      }
    }
    return problems;
  });
}
