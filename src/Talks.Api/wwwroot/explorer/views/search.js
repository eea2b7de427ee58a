// Search as the reader types: a short pause before asking, the previous question cancelled when a new one starts.
// Each hit is titled as the rest of the page names things (parties, topic labels, "16 May 2025"), from the records
// it found; its snippet is the API's highlighted HTML reduced to text and marks built here.
import { all, get, names } from "../api.js";
import { dates, day, h, words } from "../dom.js";

/** @typedef {import("../api.js").Schemas} Schemas */
/** @typedef {[text: string, marked: boolean][]} Runs */

const PAUSE_MS = 200;
// The views a hit opens; a topic has none of its own, so its hit is its label and what the topic covers.
const COLLECTIONS = { round: "rounds", position: "positions", statement: "statements", agreement: "agreements", person: "people", party: "parties" };

/** @param {string} initial @param {AbortSignal} viewSignal */
export async function searchView(initial, viewSignal) {
  const input = h("input", { type: "search", id: "q", name: "q", autocomplete: "off", value: initial, "aria-describedby": "search-status" });
  const status = h("p", { id: "search-status", class: "meta", role: "status" });
  const results = h("ol", { class: "results", id: "results" });
  /** @type {AbortController | null} */
  let running = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** Names and labels, read once for the view, on its first search. @type {ReturnType<typeof names> | undefined} */
  let known;

  const ask = async (/** @type {string} */ q) => {
    running?.abort();
    if (!q.trim()) {
      results.replaceChildren();
      status.textContent = "";
      return;
    }
    const controller = new AbortController();
    running = controller;
    const signal = AbortSignal.any([controller.signal, viewSignal]);
    try {
      known ??= names(viewSignal);
      const answer = await get("/api/v1/search", { query: { q, limit: 20 }, signal });
      const found = await records(answer.items, await known, signal);
      results.replaceChildren(...answer.items.map((item) => hit(item, found)));
      status.textContent = `${answer.items.length} result${answer.items.length === 1 ? "" : "s"} for “${q}”`;
    } catch (error) {
      if (controller.signal.aborted || viewSignal.aborted) return;
      status.textContent = `Search failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    // The address follows the question, so it can be shared and Back returns to it.
    history.replaceState(null, "", `#/search${input.value ? `?q=${encodeURIComponent(input.value)}` : ""}`);
    timer = setTimeout(() => ask(input.value), PAUSE_MS);
  });
  viewSignal.addEventListener("abort", () => clearTimeout(timer));
  const form = h("form", { role: "search", class: "search-form" }, h("label", { for: "q" }, "Search rounds, positions, statements, agreements, people, parties and topics"), input);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    ask(input.value);
  });
  if (initial) await ask(initial);

  return {
    title: initial ? `Search: ${initial}` : "Search",
    focus: input,
    node: h("div", { class: "search" }, h("h1", { id: "title" }, "Search"), form, status, results),
  };
}

/**
 * The records behind the hits, and their rounds: one request per kind found, then one for the rounds.
 * @param {Schemas["SearchHit"][]} hits
 * @param {import("../api.js").Names} known
 * @param {AbortSignal} signal
 */
async function records(hits, known, signal) {
  const ids = (/** @type {Schemas["SearchType"]} */ type) => [...new Set(hits.filter((hit) => hit.type === type).map((hit) => hit.id))].join(",");
  const [positions, statements, agreements] = await Promise.all([
    ids("position") ? all("/api/v1/positions", { query: { ids: ids("position") }, signal }) : [],
    ids("statement") ? all("/api/v1/statements", { query: { ids: ids("statement") }, signal }) : [],
    ids("agreement") ? all("/api/v1/agreements", { query: { ids: ids("agreement") }, signal }) : [],
  ]);
  const roundIds = new Set([...hits.filter((hit) => hit.type === "round").map((hit) => hit.id), ...[...positions, ...statements, ...agreements].map((r) => r.roundId)]);
  roundIds.delete(null);
  const rounds = roundIds.size ? await all("/api/v1/rounds", { query: { ids: [...roundIds].join(",") }, signal }) : [];
  return { positions, statements, agreements, rounds, known };
}

/** @typedef {Awaited<ReturnType<typeof records>>} Found */

/** @param {Schemas["SearchHit"]} found @param {Found} records */
function hit(found, records) {
  const statement = found.type === "statement" ? records.statements.find((s) => s.id === found.id) : undefined;
  let parts = runs(found.snippet);
  // Found by its title alone, the snippet is that title as the API words it; the record's own text says more.
  const own = statement ? `“${statement.quote}”` : [...records.positions, ...records.agreements, ...records.rounds].find((r) => r.id === found.id)?.summary;
  if (own && found.title.includes(parts.map(([text]) => text).join("").replace(/^…|…$/g, ""))) parts = [[own, false]];
  else if (statement) parts = quoted(parts, statement);
  return h(
    "li",
    { "data-type": found.type, "data-id": found.id },
    found.type === "topic" ? h("strong", {}, title(found, records)) : h("a", { href: `#/${COLLECTIONS[found.type]}/${found.id}` }, title(found, records)),
    " ",
    h("span", { class: "badge" }, words(found.type)),
    h("p", { class: "snippet" }, ...parts.map(([text, marked]) => (marked ? h("mark", {}, text) : text))),
  );
}

/**
 * What the hit is, where and when, said as the rest of the page says it: "Ukraine: rejection on Territory —
 * Istanbul, 16 May 2025". Two rounds at one venue differ by their dates.
 * @param {Schemas["SearchHit"]} found @param {Found} records
 */
function title(found, { positions, statements, agreements, rounds, known }) {
  const round = (/** @type {string | null} */ id) => rounds.find((r) => r.id === id);
  const at = (/** @type {Schemas["RoundResponse"] | undefined} */ r, /** @type {string | null} */ date) => (r ? ` — ${[r.city, date ? day(date) : dates(r)].filter(Boolean).join(", ")}` : "");
  const position = positions.find((p) => p.id === found.id);
  const statement = statements.find((s) => s.id === found.id);
  const agreement = agreements.find((a) => a.id === found.id);
  const held = round(found.id);
  if (found.type === "round" && held) {
    return `Round ${held.sequence}: ${[held.venue, held.city].filter(Boolean).join(", ")}, ${dates(held)}`;
  }
  if (position) return `${known.party(position.partyId)}: ${words(position.kind)} on ${known.topic(position.topic)}${at(round(position.roundId), null)}`;
  if (statement) {
    const speaker = statement.speakerPersonId ? known.person(statement.speakerPersonId) : statement.speakerBody ?? "";
    const party = known.party(statement.speakerPartyId);
    return `${speaker && party && speaker !== party ? `${speaker}, ${party}` : speaker || party}${at(round(statement.roundId), statement.saidOn)}`;
  }
  if (agreement) return `${agreement.title}${at(round(agreement.roundId), agreement.agreedOn)}`;
  // A record removed since the search: the API's own title, its dates as the page writes them.
  return found.title.replace(/\d{4}-\d{2}-\d{2}/g, (date) => day(date));
}

/**
 * The API's snippet is HTML: text with character references, and <mark> around each match. It is parsed as a
 * document of its own, where nothing runs or loads, and only its text is kept, in runs marked or not; the page
 * builds its own elements from them.
 * @param {string} snippet
 * @returns {Runs}
 */
export function runs(snippet) {
  const { body } = new DOMParser().parseFromString(snippet, "text/html");
  return [...body.childNodes].map((node) => [node.textContent ?? "", node.nodeName === "MARK"]);
}

/**
 * A statement is searched as its quote followed by its context, one text; the snippet is a window onto it. Where
 * the quote ends inside the window, the two are set apart: “…the quote” — the context.
 * @param {Runs} parts @param {Schemas["StatementResponse"]} statement
 * @returns {Runs}
 */
function quoted(parts, statement) {
  const text = parts.map(([part]) => part).join("");
  const lead = text.startsWith("…") ? 1 : 0;
  const start = `${statement.quote} ${statement.context ?? ""}`.indexOf(text.slice(lead).replace(/…$/, ""));
  if (start < 0) return parts;
  const end = lead + statement.quote.length - start;
  if (end <= lead) return parts;
  if (end >= text.length - (text.endsWith("…") ? 1 : 0)) return [["“", false], ...parts, ["”", false]];
  /** @type {Runs} */
  const quote = [];
  /** @type {Runs} */
  const context = [];
  let seen = 0;
  for (const [part, marked] of parts) {
    const taken = Math.max(0, Math.min(part.length, end - seen));
    if (taken > 0) quote.push([part.slice(0, taken), marked]);
    if (taken < part.length) context.push([context.length ? part.slice(taken) : part.slice(taken).trimStart(), marked]);
    seen += part.length;
  }
  return [["“", false], ...quote, ["” — ", false], ...context];
}
