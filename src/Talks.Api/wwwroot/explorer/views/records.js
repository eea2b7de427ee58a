// How a position, a statement, an agreement and a list of sources read, the same on a round's page and on their own.
import { all } from "../api.js";
import { badge, h, link, when, words } from "../dom.js";

/** @typedef {import("../api.js").Schemas} Schemas */
/** @typedef {import("../api.js").Names} Names */

/**
 * @param {Schemas["PositionResponse"]} position
 * @param {Names} known
 * @param {Schemas["PositionResponse"][]} neighbours positions it may answer or be answered by
 */
export function positionItem(position, known, neighbours) {
  const answers = neighbours.find((p) => p.id === position.answersId);
  const answeredBy = neighbours.filter((p) => p.answersId === position.id);
  const about = (/** @type {Schemas["PositionResponse"]} */ p) => link(`/positions/${p.id}`, `${known.party(p.partyId)}'s ${words(p.kind)}`);
  return h(
    "li",
    { class: `record position kind-${position.kind}`, id: `position-${position.id}`, "data-type": "position", "data-id": position.id },
    h("p", { class: "head" }, h("strong", {}, known.party(position.partyId)), " ", badge("kind", position.kind), " on ", h("em", {}, known.topic(position.topic))),
    h("p", {}, position.summary),
    position.quote && h("blockquote", {}, `“${position.quote}”`),
    position.voicedById && h("p", { class: "meta" }, "Voiced by ", link(`/people/${position.voicedById}`, known.person(position.voicedById))),
    answers && h("p", { class: "meta answers" }, "↳ Answers ", about(answers)),
    position.answersId && !answers && h("p", { class: "meta answers" }, "↳ Answers ", link(`/positions/${position.answersId}`, "an earlier position")),
    answeredBy.length > 0 && h("p", { class: "meta answered" }, "↲ Answered by ", ...answeredBy.flatMap((p, i) => [i ? ", " : "", about(p)])),
  );
}

/** @param {Schemas["StatementResponse"]} statement @param {Names} known */
export function statementItem(statement, known) {
  const speaker = statement.speakerPersonId ? known.person(statement.speakerPersonId) : statement.speakerBody ?? "";
  const party = statement.speakerPartyId ? known.party(statement.speakerPartyId) : "";
  return h(
    "li",
    { class: "record statement", id: `statement-${statement.id}`, "data-type": "statement", "data-id": statement.id },
    h("blockquote", {}, h("p", {}, `“${statement.quote}”`)),
    h(
      "p",
      { class: "head" },
      "— ",
      h("strong", {}, statement.speakerPersonId ? link(`/people/${statement.speakerPersonId}`, speaker) : speaker || party),
      speaker && party && speaker !== party ? `, ${party}` : "",
      " ",
      badge("wording", statement.wording),
      statement.wording === "verbatim" ? " (word for word)" : " (reported, not word for word)",
    ),
    h("p", { class: "meta" }, statement.saidOn ? when(statement.saidOn) : "Date not given in the source"),
    statement.context && h("p", { class: "meta" }, statement.context),
  );
}

const LIFECYCLE = ["proposed", "agreed", "in-implementation", "implemented"];

/** @param {Schemas["AgreementResponse"]} agreement @param {Names} known */
export function agreementItem(agreement, known) {
  const reached = LIFECYCLE.indexOf(agreement.status);
  const ended = agreement.status === "stalled" || agreement.status === "collapsed";
  return h(
    "li",
    { class: `record agreement status-${agreement.status}`, id: `agreement-${agreement.id}`, "data-type": "agreement", "data-id": agreement.id },
    h("h3", {}, link(`/agreements/${agreement.id}`, agreement.title)),
    h("p", { class: "head" }, badge("status", agreement.status), " ", words(agreement.type), agreement.agreedOn ? [", agreed ", when(agreement.agreedOn)] : ""),
    h(
      "ol",
      { class: "lifecycle", "aria-label": "Lifecycle" },
      ...LIFECYCLE.map((step, i) =>
        h("li", { class: i <= reached ? "done" : "todo", "aria-current": step === agreement.status ? "step" : null }, `${i <= reached ? "✓ " : ""}${words(step)}`),
      ),
      ended && h("li", { class: "ended", "aria-current": "step" }, `✕ ${words(agreement.status)}`),
    ),
    h("p", {}, agreement.summary),
    agreement.implementationDateNote && h("p", { class: "meta" }, agreement.implementationDateNote),
    (agreement.obligations?.length ?? 0) > 0 && [
      h("h4", {}, "Obligations"),
      h("ul", { class: "obligations" }, ...(agreement.obligations ?? []).map((o) => obligation(o, known))),
    ],
    agreement.events.length > 0 && [
      h("h4", {}, "Implementation events"),
      h(
        "ol",
        { class: "events" },
        ...agreement.events.map((e) => h("li", {}, when(e.occurredOn), `: ${e.description}`, e.statusAfter ? ` (now ${words(e.statusAfter)})` : "")),
      ),
    ],
  );
}

/** Every source an agreement cites, its implementation events' included. @param {Schemas["AgreementResponse"]} agreement */
export const agreementSources = (agreement) => [...agreement.sourceIds, ...agreement.events.flatMap((e) => e.sourceIds)];

/**
 * A party's obligation. The quantity and who receives it are added only where the description does not already
 * say them, as descriptions written by analysts usually do ("Return 1,000 prisoners of war to Russia").
 * @param {Schemas["ObligationResponse"]} o @param {Names} known
 */
function obligation(o, known) {
  const beneficiary = o.beneficiaryPartyId ? known.party(o.beneficiaryPartyId) : "";
  const extra = [
    o.quantity !== null && !says(o.description.replaceAll(",", ""), String(o.quantity)) ? `${o.quantity.toLocaleString("en-GB")} ${words(o.unit ?? "")}`.trim() : "",
    beneficiary && !says(o.description, beneficiary) ? `to ${beneficiary}` : "",
  ].filter(Boolean);
  return h("li", {}, h("strong", {}, known.party(o.partyId)), `: ${o.description}`, extra.length ? ` (${extra.join(" ")})` : "", o.condition ? ` — ${o.condition}` : "");
}

/** Whether a text has a word or number as a whole ("Russia" is not in "Russian", 10 is not in 100). */
function says(/** @type {string} */ text, /** @type {string} */ phrase) {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u").test(text);
}

/** The sources the records cite, by title and where to find them. @param {string[]} ids @param {AbortSignal} signal */
export async function sourceList(ids, signal) {
  if (ids.length === 0) return h("p", {}, "No sources cited.");
  const sources = await all("/api/v1/sources", { query: { ids: [...new Set(ids)].join(",") }, signal });
  return h(
    "ul",
    { class: "sources" },
    ...sources.map((source) =>
      h(
        "li",
        { "data-id": source.id },
        source.url ? h("a", { href: source.url, rel: "noopener noreferrer" }, source.title) : source.title,
        source.publisher ? ` — ${source.publisher}` : "",
        source.publishedOn ? [", ", when(source.publishedOn)] : "",
        ` (${words(source.kind)})`,
      ),
    ),
  );
}
