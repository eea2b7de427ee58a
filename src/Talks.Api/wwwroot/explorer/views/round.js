// A round: where and how long, who sat for whom (with the office each held that day), the positions answering one
// another, the quotes, the agreements with each party's obligations, and the sources.
import { get, names } from "../api.js";
import { badge, dates, h, link, section, words } from "../dom.js";
import { agreementItem, agreementSources, positionItem, sourceList, statementItem } from "./records.js";

/** @typedef {import("../api.js").Schemas} Schemas */

/** @param {string} roundId @param {AbortSignal} signal */
export async function roundView(roundId, signal) {
  const [round, known] = await Promise.all([get("/api/v1/rounds/{id}", { path: { id: roundId }, signal }), names(signal)]);
  const cited = [
    ...round.sourceIds,
    ...round.positions.flatMap((p) => p.sourceIds),
    ...round.statements.flatMap((s) => s.sourceIds),
    ...round.agreements.flatMap(agreementSources),
  ];
  const place = [round.venue, round.city].filter(Boolean).join(", ");
  const title = `Round ${round.sequence} of the ${round.talk.title}`;
  return {
    title: `${title}, ${dates(round)}`,
    node: h(
      "article",
      { class: "round", "data-id": round.id },
      h("p", { class: "crumbs" }, link(`/talks/${round.talk.id}`, `← ${round.talk.title}`)),
      h("h1", { id: "title" }, `Round ${round.sequence}: ${place || "place not known"}`),
      h(
        "dl",
        { class: "facts" },
        h("dt", {}, "Status"),
        h("dd", {}, badge("status", round.status), UNMET[round.status] ?? ""),
        h("dt", {}, "Date"),
        h("dd", { "data-fact": "date" }, dates(round)),
        h("dt", {}, "Venue"),
        h("dd", { "data-fact": "venue" }, place || "not known", round.venueDescription ? ` — ${round.venueDescription}` : ""),
        h("dt", {}, "Duration"),
        h("dd", {}, duration(round)),
      ),
      round.summary && h("p", { class: "lede" }, round.summary),
      round.outcome && section("Outcome", h("p", {}, round.outcome)),
      round.atmosphere && section("Atmosphere", h("p", {}, round.atmosphere)),
      section("Who took part", participants(round, known)),
      section("Positions", round.positions.length ? h("ul", { class: "records" }, ...round.positions.map((p) => positionItem(p, known, round.positions))) : h("p", {}, "None recorded.")),
      section("Quotes", round.statements.length ? h("ul", { class: "records" }, ...round.statements.map((s) => statementItem(s, known))) : h("p", {}, "None recorded.")),
      section("Agreements", round.agreements.length ? h("ul", { class: "records" }, ...round.agreements.map((a) => agreementItem(a, known))) : h("p", {}, "None recorded.")),
      section("Sources", await sourceList(cited, signal)),
    ),
  };
}

/** What a round that did not meet on its date means, said in words beside its status. */
const UNMET = /** @type {Record<string, string>} */ ({
  cancelled: " — called off: this meeting did not take place",
  postponed: " — put off: this meeting did not take place on this date",
});

/** @param {Schemas["RoundDetailResponse"]} round */
function duration(round) {
  // A round of several days is as long as its dates say; known only to the month, it is not known.
  const days = round.endDate && round.datePrecision === "day" && round.endDatePrecision === "day" ? (Date.parse(round.endDate) - Date.parse(round.date)) / 86_400_000 + 1 : 0;
  if (round.durationMinutes === null) return days > 1 ? `${days} days` : "not known";
  const hours = round.durationMinutes / 60;
  const amount = Number.isInteger(hours) ? `${hours} hour${hours === 1 ? "" : "s"}` : `${round.durationMinutes} minutes`;
  const bound = { "less-than": "under ", "more-than": "over ", approximately: "about ", exact: "" }[String(round.durationBound)] ?? "";
  return `${bound}${amount}`;
}

/** Each role's heading, in the order a reader looks for them: those who negotiate first, then the third parties. */
const ROLES = /** @type {Record<string, string>} */ ({
  "negotiating-party": "Negotiating parties",
  mediator: "Mediators",
  host: "Hosts",
  facilitator: "Facilitators",
  guarantor: "Guarantors",
  witness: "Witnesses",
  observer: "Observers",
  accompanying: "Accompanying the talks",
});

/**
 * The parties grouped by role, each with its delegation. A party with several roles is shown once, under the first,
 * its other roles named beside it (Turkey hosted and facilitated).
 * @param {Schemas["RoundDetailResponse"]} round @param {import("../api.js").Names} known
 */
function participants(round, known) {
  const rank = (/** @type {string} */ role) => Object.keys(ROLES).indexOf(role) >>> 0;
  const roles = [...round.participants].sort((a, b) => rank(a.role) - rank(b.role));
  const partyIds = [...new Set([...roles.map((p) => p.partyId), ...round.delegates.map((d) => d.partyId)])];
  const groups = Map.groupBy(partyIds, (id) => roles.find((r) => r.partyId === id)?.role ?? "");
  return [...groups].map(([role, ids]) =>
    h(
      "section",
      { class: "role", "data-role": role },
      h("h3", {}, ROLES[role] ?? "Others"),
      h(
        "ul",
        { class: "delegations" },
        ...ids.map((partyId) => {
          const held = roles.filter((p) => p.partyId === partyId);
          const delegates = round.delegates.filter((d) => d.partyId === partyId);
          return h(
            "li",
            { "data-party": partyId },
            h("h4", {}, link(`/parties/${partyId}`, known.party(partyId)), ...held.filter((r) => r.role !== role).flatMap((r) => [" ", badge("role", r.role, `also ${words(r.role)}`)])),
            ...held.filter((r) => r.notes).map((r) => h("p", { class: "meta" }, String(r.notes))),
            delegates.length > 0 &&
              h(
                "ul",
                { class: "delegates" },
                ...delegates.map((d) =>
                  h("li", {}, h("strong", {}, link(`/people/${d.personId}`, d.personName)), d.role === "head" ? " (head of delegation)" : "", d.office ? ` — ${d.office}` : "", d.notes ? `. ${d.notes}` : ""),
                ),
              ),
          );
        }),
      ),
    ),
  );
}
