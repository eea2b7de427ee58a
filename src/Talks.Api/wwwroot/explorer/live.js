// Follows the API's change stream (Server-Sent Events) and says, quietly, what changed. EventSource reconnects by
// itself and sends Last-Event-ID, so the stream resumes where it broke off.
import { get } from "./api.js";
import { dates, words } from "./dom.js";

/**
 * One event of the stream, as the API sends it in the data field (the stream is text/event-stream, outside the
 * OpenAPI document's JSON types).
 * @typedef {{ collection: string, id: string, kind: import("./api.js").Schemas["ChangeKind"], version: number | null }} StreamedChange
 */

/**
 * @param {(change: StreamedChange) => void} onChange
 * @param {HTMLElement} indicator shows connecting / live / reconnecting in words
 */
export function follow(onChange, indicator) {
  const stream = new EventSource("api/v1/changes/stream");
  const show = (/** @type {string} */ state, /** @type {string} */ text) => {
    indicator.dataset.state = state;
    indicator.textContent = text;
  };
  stream.addEventListener("open", () => show("live", "Live: updates appear as analysts post them"));
  stream.addEventListener("error", () => show("reconnecting", "Live updates: reconnecting…"));
  stream.addEventListener("change", (event) => {
    onChange(/** @type {StreamedChange} */ (JSON.parse(/** @type {MessageEvent<string>} */ (event).data)));
  });
  return stream;
}

const NOUNS = /** @type {Record<string, string>} */ ({
  talks: "talk", rounds: "round", parties: "party", people: "person", positions: "position", statements: "statement",
  agreements: "agreement", "agreement-events": "implementation event", sources: "source", topics: "topic", releases: "release",
});

/**
 * What a change means to a reader, in words: "New position — Ukraine: proposal on Ceasefire". The stream names the
 * record by its id only, so the record is read to say what it is; one that cannot be read (removed, or without an
 * address of its own) is named by its kind alone.
 * @param {StreamedChange} change
 */
export async function describe(change) {
  if (change.kind === "reset") return "The data was put back as it was first recorded";
  const verb = { created: "New", updated: "Updated", deleted: "Removed" }[change.kind];
  const name = change.kind === "deleted" ? "" : await nameOf(change).catch(() => "");
  return `${verb} ${NOUNS[change.collection] ?? words(change.collection)}${name ? ` — ${name}` : ""}`;
}

/** @param {StreamedChange} change @returns {Promise<string>} */
async function nameOf({ collection, id }) {
  const at = { path: { id } };
  const of = (/** @type {string} */ key) => ({ path: { id: key } });
  switch (collection) {
    case "positions": {
      const position = await get("/api/v1/positions/{id}", at);
      const [party, topic] = await Promise.all([get("/api/v1/parties/{id}", of(position.partyId)), get("/api/v1/topics/{id}", of(position.topic))]);
      return `${party.name}: ${words(position.kind)} on ${topic.label}`;
    }
    case "statements": {
      const statement = await get("/api/v1/statements/{id}", at);
      const speaker = statement.speakerPersonId
        ? (await get("/api/v1/people/{id}", of(statement.speakerPersonId))).name
        : statement.speakerBody ?? (statement.speakerPartyId ? (await get("/api/v1/parties/{id}", of(statement.speakerPartyId))).name : "");
      const quote = statement.quote.length > 80 ? `${statement.quote.slice(0, 79)}…` : statement.quote;
      return `${speaker ? `${speaker}: ` : ""}“${quote}”`;
    }
    case "rounds": {
      const round = await get("/api/v1/rounds/{id}", at);
      return `round ${round.sequence} of the ${round.talk.title}, ${dates(round)}`;
    }
    case "agreements": return (await get("/api/v1/agreements/{id}", at)).title;
    case "talks": return (await get("/api/v1/talks/{id}", at)).title;
    case "parties": return (await get("/api/v1/parties/{id}", at)).name;
    case "people": return (await get("/api/v1/people/{id}", at)).name;
    case "sources": return (await get("/api/v1/sources/{id}", at)).title;
    case "topics": return (await get("/api/v1/topics/{id}", at)).label;
    case "releases": return id;
    default: return "";
  }
}
