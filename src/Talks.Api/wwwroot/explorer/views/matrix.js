// Where each party stands on each topic: its latest position, coloured by kind and labelled with it, and how it got
// there in a note that opens on hover or keyboard focus.
import { all, get } from "../api.js";
import { badge, day, h, link, words } from "../dom.js";

/** @typedef {import("../api.js").Schemas} Schemas */

/** @param {string} talkId @param {AbortSignal} signal */
export async function matrixView(talkId, signal) {
  const [talk, cells] = await Promise.all([
    get("/api/v1/talks/{id}", { path: { id: talkId }, signal }),
    all("/api/v1/talks/{id}/positions/matrix", { path: { id: talkId }, signal }),
  ]);
  const parties = [...new Map(cells.map((c) => [c.partyId, c.partyName]))].sort((a, b) => a[1].localeCompare(b[1]));
  const topics = [...new Map(cells.map((c) => [c.topic, c.topicLabel]))].sort((a, b) => a[1].localeCompare(b[1]));
  const table = h(
    "table",
    { class: "matrix", "aria-describedby": "matrix-about" },
    h("caption", { class: "visually-hidden" }, "Latest position of each party on each topic"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Party"), ...topics.map(([, label]) => h("th", { scope: "col" }, label)))),
    h(
      "tbody",
      {},
      ...parties.map(([partyId, partyName]) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, partyName),
          ...topics.map(([topic, label]) => {
            const cell = cells.find((c) => c.partyId === partyId && c.topic === topic);
            return cell ? filled(cell) : h("td", { class: "empty" }, h("span", { class: "visually-hidden" }, `${partyName} on ${label}: `), "—");
          }),
        ),
      ),
    ),
  );
  return {
    title: `Positions — ${talk.title}`,
    node: h(
      "article",
      { class: "positions" },
      h("p", { class: "crumbs" }, link(`/talks/${talk.id}`, `← ${talk.title}`)),
      h("h1", { id: "title" }, "Position matrix"),
      // Said outside the table, which may be wider than the screen: only the table's own frame scrolls sideways.
      h("p", { class: "lede", id: "matrix-about" }, "Latest position of each party on each topic. Hover or focus a cell for how it got there."),
      cells.length
        ? h("div", { class: "matrix-frame", tabindex: "0", role: "region", "aria-label": "Position matrix, scrolls sideways" }, table)
        : h("p", {}, "No positions recorded yet."),
    ),
  };
}

/** @param {Schemas["PositionMatrixCell"]} cell */
function filled(cell) {
  const noteId = `history-${cell.positionId}`;
  const steps = [...cell.earlier, cell];
  return h(
    "td",
    { class: `cell kind-${cell.kind}`, "data-party": cell.partyId, "data-topic": cell.topic },
    h(
      "a",
      { href: `#/positions/${cell.positionId}`, "aria-describedby": noteId },
      badge("kind", cell.kind),
      h("span", { class: "visually-hidden" }, ` — ${cell.partyName} on ${cell.topicLabel}`),
    ),
    h("p", { class: "gist" }, cell.summary.length > 90 ? `${cell.summary.slice(0, 89)}…` : cell.summary),
    h(
      "div",
      { class: "history", id: noteId, role: "tooltip" },
      h(
        "ol",
        {},
        ...steps.map((step) =>
          h("li", {}, h("time", { datetime: step.date }, day(step.date)), ` — ${words(step.kind)}: ${step.summary}`, step.answeredBy.length ? ` (answered by ${step.answeredBy.length})` : ""),
        ),
      ),
    ),
  );
}
