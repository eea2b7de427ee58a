// The first view: the talks, a page at a time, each with its parties, how many rounds, the last and the next one, and
// its agreements by status.
import { all, get, names } from "../api.js";
import { badge, dates, h, link, words } from "../dom.js";

/** @typedef {import("../api.js").Schemas} Schemas */

/**
 * Talks shown at once. Each card reads its talk's rounds, so the page costs one request per card: on a database of a
 * thousand talks, drawing them all took more than 30 s; a page of 20 draws as fast as the seeded three.
 */
export const TALKS_PER_PAGE = 20;

/** @type {Schemas["AgreementStatus"][]} */
const STATUSES = ["proposed", "agreed", "in-implementation", "implemented", "stalled", "collapsed"];

/**
 * @param {string | null} cursor the page to show, from the previous page's "More talks" link; null for the first
 * @param {AbortSignal} signal
 */
export async function talksView(cursor, signal) {
  const [page, known] = await Promise.all([
    get("/api/v1/talks", { query: { limit: TALKS_PER_PAGE, cursor: cursor ?? undefined }, signal }),
    names(signal, { topics: false }),
  ]);
  const talks = page.items;
  const cards = await Promise.all(
    talks.map(async (talk) => {
      const rounds = await all("/api/v1/talks/{talkId}/rounds", { path: { talkId: talk.id }, query: { include: "agreements" }, signal });
      return talkCard(talk, rounds, known);
    }),
  );
  return {
    title: "Talks",
    node: h(
      "div",
      { class: "talks" },
      h("h1", {}, "Talks"),
      h("p", { class: "lede" }, "Negotiation tracks, their rounds and what the parties agreed. Open a talk for its timeline."),
      talks.length ? h("ul", { class: "cards", "data-list": "talks" }, ...cards) : h("p", {}, "No talks recorded yet."),
      h(
        "p",
        { class: "more" },
        cursor ? link("/", "First talks") : "",
        cursor && page.nextCursor ? " · " : "",
        page.nextCursor ? h("a", { href: `#/?cursor=${encodeURIComponent(page.nextCursor)}`, rel: "next" }, "More talks") : "",
      ),
    ),
  };
}

/**
 * @param {Schemas["TalkResponse"]} talk
 * @param {Schemas["RoundResponse"][]} rounds
 * @param {import("../api.js").Names} known
 */
function talkCard(talk, rounds, known) {
  // Rounds come in date order: the last one held, and the first one still ahead (announced, or put off to a new date).
  const last = rounds.filter((r) => r.status === "held").at(-1);
  const next = rounds.find((r) => r.status === "scheduled" || r.status === "postponed");
  // One badge per status, saying how many agreements it stands for, in the order agreements move through them.
  const agreements = rounds.flatMap((r) => r.agreements ?? []);
  const byStatus = STATUSES.map((status) => ({ status, count: agreements.filter((a) => a.status === status).length })).filter((s) => s.count > 0);
  return h(
    "li",
    { class: "card", "data-id": talk.id },
    h("h2", {}, link(`/talks/${talk.id}`, talk.title)),
    h("p", {}, talk.summary ?? ""),
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "Parties"),
      h("dd", {}, talk.partyIds.map((id) => known.party(id)).join(", ") || "none recorded"),
      h("dt", {}, "Rounds"),
      h("dd", { "data-fact": "rounds" }, String(talk.roundCount)),
      h("dt", {}, "Last round"),
      h("dd", {}, last ? roundLine(last) : "none yet"),
      h("dt", {}, "Next round"),
      h("dd", {}, next ? roundLine(next) : "none announced"),
      h("dt", {}, "Agreements"),
      h(
        "dd",
        {},
        byStatus.length
          ? h("ul", { class: "inline" }, ...byStatus.map(({ status, count }) => h("li", {}, badge("status", status, `${count} ${words(status)}`))))
          : "none recorded",
      ),
    ),
    h("p", { class: "more" }, link(`/talks/${talk.id}`, "Timeline"), " · ", link(`/talks/${talk.id}/matrix`, "Position matrix")),
  );
}

/** @param {Schemas["RoundResponse"]} round */
function roundLine(round) {
  const place = [round.city, round.venue].filter(Boolean).join(", ");
  return link(`/rounds/${round.id}`, `Round ${round.sequence}, ${dates(round)}${place ? ` — ${place}` : ""} (${words(round.status)})`);
}
