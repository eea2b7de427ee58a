// A talk: what it is, its latest round and agreements in words, and the timeline to zoom through and click into.
import { all, get, names } from "../api.js";
import { badge, dates, day, h, link, section } from "../dom.js";
import { dayNumber } from "./scale.js";
import { ZOOMS, drawTimeline, lanes } from "./timeline.js";

/** @typedef {import("./timeline.js").Zoom} Zoom */

/**
 * Kept across redraws, so a live update or a trip to a round and back leaves the reader where they were. A talk
 * opens on the whole of it.
 */
let zoom = /** @type {Zoom} */ ("whole");
let scrolled = { talkId: "", zoom, left: 0 };

/** @param {string} talkId @param {AbortSignal} signal */
export async function talkView(talkId, signal) {
  const [talk, rounds, known, timeline] = await Promise.all([
    get("/api/v1/talks/{id}", { path: { id: talkId }, signal }),
    all("/api/v1/talks/{talkId}/rounds", { path: { talkId }, query: { include: "positions,statements,agreements" }, signal }),
    names(signal),
    // The one read that knows each agreement's status on the day it was made, not only today's.
    all("/api/v1/talks/{id}/timeline", { path: { id: talkId }, signal }),
  ]);
  const latest = rounds.filter((r) => r.status === "held").at(-1) ?? rounds.at(-1);
  const agreements = rounds.flatMap((r) => r.agreements ?? []);
  const statusThen = new Map(timeline.filter((e) => e.type === "agreement" && e.agreementStatus).map((e) => [e.id, String(e.agreementStatus)]));
  const allLanes = lanes(rounds, known, statusThen);

  const frame = h("div", { class: "timeline-frame", tabindex: "0", role: "region", "aria-label": "Timeline, scrolls sideways" });
  const buttons = /** @type {Zoom[]} */ (Object.keys(ZOOMS)).map((level) =>
    h("button", { type: "button", "data-zoom": level, "aria-pressed": String(level === zoom) }, ZOOMS[level].label),
  );
  // Drawn for the frame's width: before the view is on the page, the width the page gives its content.
  let width = 0;
  const draw = () => {
    width = frame.clientWidth || contentWidth() - 2;
    const { svg, titles, scale } = drawTimeline(allLanes, zoom, width);
    // The titles sit in a strip of no width that sticks to the frame's left edge, over the drawing's lane heads.
    frame.replaceChildren(h("div", { class: "timeline-canvas" }, h("div", { class: "lane-titles" }, titles), svg));
    for (const button of buttons) button.setAttribute("aria-pressed", String(button.dataset.zoom === zoom));
    // Back where the reader left this talk at this zoom (a live redraw); else the start of the whole talk, or, at a
    // zoom the reader chose, the latest round.
    const back = scrolled.talkId === talkId && scrolled.zoom === zoom;
    const left = back ? scrolled.left : zoom !== "whole" && latest ? scale.at(dayNumber(latest.date)) - width / 3 : 0;
    requestAnimationFrame(() => (frame.scrollLeft = Math.max(0, left)));
  };
  frame.addEventListener("scroll", () => (scrolled = { talkId, zoom, left: frame.scrollLeft }));
  for (const button of buttons) {
    button.addEventListener("click", () => {
      zoom = /** @type {Zoom} */ (button.dataset.zoom);
      draw();
    });
  }
  draw();
  // Drawn again when the frame's width changes: the page's scroll bar appearing, a phone turned, a window resized.
  const resized = new ResizeObserver(() => {
    if (!frame.isConnected) resized.disconnect();
    else if (Math.abs(frame.clientWidth - width) >= 1) draw();
  });
  resized.observe(frame);

  return {
    title: talk.title,
    node: h(
      "article",
      { class: "talk", "data-id": talk.id },
      h("h1", { id: "title" }, talk.title),
      h("p", { class: "lede" }, talk.summary ?? ""),
      h(
        "dl",
        { class: "facts" },
        h("dt", {}, "Parties"),
        h("dd", {}, talk.partyIds.flatMap((id, i) => [i ? ", " : "", link(`/parties/${id}`, known.party(id))])),
        h("dt", {}, "Rounds"),
        h("dd", {}, `${talk.roundCount}${rounds[0] ? `, since ${day(rounds[0].date, rounds[0].datePrecision)}` : ""}`),
        latest && h("dt", {}, "Latest round"),
        latest &&
          h(
            "dd",
            { "data-fact": "latest-round" },
            link(`/rounds/${latest.id}`, `Round ${latest.sequence}, ${dates(latest)}`),
            ` — ${[latest.venue, latest.city].filter(Boolean).join(", ")}`,
            latest.venueDescription ? ` (${latest.venueDescription})` : "",
          ),
        h("dt", {}, "Agreements"),
        h(
          "dd",
          { "data-fact": "agreements" },
          agreements.length
            ? h("ul", { class: "plain" }, ...agreements.map((a) => h("li", {}, link(`/agreements/${a.id}`, a.title), " ", badge("status", a.status))))
            : "none recorded",
        ),
      ),
      h("p", { class: "more" }, link(`/talks/${talk.id}/matrix`, "Position matrix: where each party stands on each topic")),
      section(
        "Timeline",
        h("div", { class: "zoom", role: "group", "aria-label": "Zoom" }, h("span", {}, "Zoom: "), ...buttons),
        frame,
        legend(),
      ),
    ),
  };
}

/** The width of the page's content column, where the view is about to be drawn. */
function contentWidth() {
  const main = /** @type {HTMLElement} */ (document.getElementById("main"));
  const style = getComputedStyle(main);
  return main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
}

function legend() {
  return h(
    "ul",
    { class: "legend", "aria-label": "Legend" },
    h("li", { class: "key-held" }, "● held round"),
    h("li", { class: "key-scheduled" }, "○ scheduled"),
    h("li", { class: "key-postponed" }, "◇ postponed"),
    h("li", { class: "key-cancelled" }, "✕ cancelled"),
    h("li", {}, "●━━ a round of several days"),
    h("li", {}, "┄●┄ a date known only to its month or year"),
    h("li", {}, "■ position"),
    h("li", {}, "▲ statement"),
    h("li", {}, "▬ agreement, from agreed to implemented or collapsed; ◆ implementation event"),
    h("li", {}, "// a quiet stretch drawn short, its length in years"),
  );
}
