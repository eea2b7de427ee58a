// The actors of the talks. A party: what kind it is, whether it fights in the conflict, the groups it belongs to and
// its members, the rounds it took part in and in which role. A person: their offices, the rounds they sat in and for
// whom. Both with the names they are also known by, each marked with its language so that it is read out in it.
import { all, get, names } from "../api.js";
import { badge, dates, day, h, link, section, words } from "../dom.js";
import { sourceList } from "./records.js";

/** @typedef {import("../api.js").Schemas} Schemas */

/** Where the API's word is not what a reader would say. */
const SAID = /** @type {Record<string, string>} */ ({
  "state-group": "group of states",
  "political-movement": "political party or movement",
  "civil-society": "civil society",
  transliteration: "transliteration",
  alias: "also called",
});

const languages = new Intl.DisplayNames(["en"], { type: "language" });

/** @param {string} id @param {AbortSignal} signal */
export async function partyView(id, signal) {
  const [party, rounds, known] = await Promise.all([
    get("/api/v1/parties/{id}", { path: { id }, signal }),
    all("/api/v1/rounds", { query: { partyId: id }, signal }),
    names(signal, { topics: false }),
  ]);
  const parties = (/** @type {string[]} */ ids) => h("ul", { class: "plain" }, ...ids.map((p) => h("li", {}, link(`/parties/${p}`, known.party(p)))));
  return {
    title: party.name,
    node: h(
      "article",
      { class: "party", "data-id": party.id },
      h("h1", { id: "title" }, party.name),
      h(
        "dl",
        { class: "facts" },
        h("dt", {}, "Kind"),
        h("dd", { "data-fact": "kind" }, SAID[party.kind] ?? words(party.kind)),
        h("dt", {}, "Party to the conflict"),
        h("dd", { "data-fact": "conflict" }, party.conflictParty ? "yes: it is a party to the armed conflict" : "no: a third party"),
        party.otherNames.length > 0 && [h("dt", {}, "Also known as"), h("dd", {}, otherNames(party.otherNames))],
        party.memberIds.length > 0 && [h("dt", {}, "Members"), h("dd", { "data-fact": "members" }, parties(party.memberIds))],
        party.memberOf.length > 0 && [h("dt", {}, "Member of"), h("dd", { "data-fact": "member-of" }, parties(party.memberOf))],
      ),
      party.notes && h("p", {}, party.notes),
      section("Rounds", await roundList(rounds, (r) => r.participants.filter((p) => p.partyId === id).flatMap((p, i) => [i ? " " : "", badge("role", p.role)]), signal)),
      section("Sources", await sourceList(party.sourceIds, signal)),
    ),
  };
}

/** @param {string} id @param {AbortSignal} signal */
export async function personView(id, signal) {
  const [person, rounds, known] = await Promise.all([
    get("/api/v1/people/{id}", { path: { id }, signal }),
    all("/api/v1/rounds", { query: { personId: id }, signal }),
    names(signal, { topics: false }),
  ]);
  const sat = (/** @type {Schemas["RoundResponse"]} */ round) =>
    round.delegates.filter((d) => d.personId === id).map((d) => `${d.role === "head" ? "head of delegation" : words(d.role)} for ${known.party(d.partyId)}`).join("; ");
  return {
    title: person.name,
    node: h(
      "article",
      { class: "person", "data-id": person.id },
      h("h1", { id: "title" }, person.name),
      h(
        "dl",
        { class: "facts" },
        person.partyId && [h("dt", {}, "For"), h("dd", {}, link(`/parties/${person.partyId}`, known.party(person.partyId)))],
        person.otherNames.length > 0 && [h("dt", {}, "Also known as"), h("dd", {}, otherNames(person.otherNames))],
        h("dt", {}, "Offices"),
        h(
          "dd",
          {},
          person.offices.length
            ? h("ul", { class: "plain" }, ...person.offices.map((o) => h("li", {}, o.title, o.from || o.to ? ` (${o.from ? `from ${day(o.from)}` : ""}${o.from && o.to ? " " : ""}${o.to ? `until ${day(o.to)}` : ""})` : "")))
            : "none recorded",
        ),
      ),
      person.notes && h("p", {}, person.notes),
      section("Rounds", await roundList(rounds, sat, signal)),
      section("Sources", await sourceList(person.sourceIds, signal)),
    ),
  };
}

/** Each name with its language and what kind of name it is: "Україна — Ukrainian, native name". @param {Schemas["OtherNameDto"][]} list */
function otherNames(list) {
  const language = (/** @type {string} */ tag) => {
    try {
      return languages.of(tag);
    } catch {
      return tag;
    }
  };
  return h(
    "ul",
    { class: "plain names" },
    // bdi keeps a name in a right-to-left script from reordering the words around it; lang="" says the language is not known.
    ...list.map((n) => h("li", {}, h("bdi", { lang: n.language ?? "" }, n.name), ` — ${[n.language && language(n.language), SAID[n.kind] ?? `${n.kind} name`].filter(Boolean).join(", ")}`)),
  );
}

/**
 * Rounds by talk, date and place, with what the party or person did there.
 * @param {Schemas["RoundResponse"][]} rounds
 * @param {(round: Schemas["RoundResponse"]) => import("../dom.js").Child} part
 * @param {AbortSignal} signal
 */
async function roundList(rounds, part, signal) {
  if (rounds.length === 0) return h("p", {}, "None recorded.");
  const talks = await all("/api/v1/talks", { query: { ids: [...new Set(rounds.map((r) => r.talkId))].join(",") }, signal });
  const title = (/** @type {string} */ talkId) => talks.find((t) => t.id === talkId)?.title ?? "a talk";
  return h(
    "ul",
    { class: "plain rounds" },
    ...rounds.map((r) =>
      h(
        "li",
        { "data-id": r.id },
        link(`/rounds/${r.id}`, `Round ${r.sequence} of the ${title(r.talkId)}`),
        `, ${dates(r)} — ${r.city}${r.status === "held" ? "" : ` (${words(r.status)})`}: `,
        part(r),
      ),
    ),
  );
}
