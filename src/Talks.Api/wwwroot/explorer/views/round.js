// A round: where and how long, who sat for whom (with the office each held that day), the positions answering one
// another, the quotes, the agreements with each party's obligations, and the sources.
import { get, names } from "../api.js";
import { badge, day, h, link, section, words } from "../dom.js";
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
    title: `${title}, ${day(round.date)}`,
    node: h(
      "article",
      { class: "round", "data-id": round.id },
      h("p", { class: "crumbs" }, link(`/talks/${round.talk.id}`, `← ${round.talk.title}`)),
      h("h1", { id: "title" }, `Round ${round.sequence}: ${place || "place not known"}`),
      h(
        "dl",
        { class: "facts" },
        h("dt", {}, "Status"),
        h("dd", {}, badge("status", round.status)),
        h("dt", {}, "Date"),
        h("dd", {}, day(round.date), round.datePrecision === "day" ? "" : ` (${words(round.datePrecision)})`),
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

/** @param {Schemas["RoundDetailResponse"]} round */
function duration(round) {
  if (round.durationMinutes === null) return "not known";
  const hours = round.durationMinutes / 60;
  const amount = Number.isInteger(hours) ? `${hours} hour${hours === 1 ? "" : "s"}` : `${round.durationMinutes} minutes`;
  const bound = { "less-than": "under ", "more-than": "over ", approximately: "about ", exact: "" }[String(round.durationBound)] ?? "";
  return `${bound}${amount}`;
}

/** Each party with its roles at the round and its delegation. @param {Schemas["RoundDetailResponse"]} round @param {import("../api.js").Names} known */
function participants(round, known) {
  const partyIds = [...new Set([...round.participants.map((p) => p.partyId), ...round.delegates.map((d) => d.partyId)])];
  return h(
    "ul",
    { class: "delegations" },
    ...partyIds.map((partyId) => {
      const roles = round.participants.filter((p) => p.partyId === partyId);
      const delegates = round.delegates.filter((d) => d.partyId === partyId);
      return h(
        "li",
        { "data-party": partyId },
        h("h3", {}, known.party(partyId), ...roles.flatMap((r) => [" ", badge("role", r.role)])),
        ...roles.filter((r) => r.notes).map((r) => h("p", { class: "meta" }, String(r.notes))),
        delegates.length > 0 &&
          h(
            "ul",
            { class: "delegates" },
            ...delegates.map((d) =>
              h("li", {}, h("strong", {}, d.personName), d.role === "head" ? " (head of delegation)" : "", d.office ? ` — ${d.office}` : "", d.notes ? `. ${d.notes}` : ""),
            ),
          ),
      );
    }),
  );
}
