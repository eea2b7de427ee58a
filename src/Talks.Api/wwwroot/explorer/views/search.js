// Search as the reader types: a short pause before asking, the previous question cancelled when a new one starts, and
// the API's highlighted snippets shown with marks this page builds itself; nothing from the API is parsed as HTML.
import { get } from "../api.js";
import { h, words } from "../dom.js";

const PAUSE_MS = 200;
const COLLECTIONS = { round: "rounds", position: "positions", statement: "statements", agreement: "agreements" };

/** @param {string} initial @param {AbortSignal} viewSignal */
export async function searchView(initial, viewSignal) {
  const input = h("input", { type: "search", id: "q", name: "q", autocomplete: "off", value: initial, "aria-describedby": "search-status" });
  const status = h("p", { id: "search-status", class: "meta", role: "status" });
  const results = h("ol", { class: "results", id: "results" });
  /** @type {AbortController | null} */
  let running = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  const ask = async (/** @type {string} */ q) => {
    running?.abort();
    if (!q.trim()) {
      results.replaceChildren();
      status.textContent = "";
      return;
    }
    const controller = new AbortController();
    running = controller;
    try {
      const answer = await get("/api/v1/search", { query: { q, limit: 20 }, signal: AbortSignal.any([controller.signal, viewSignal]) });
      results.replaceChildren(...answer.items.map(hit));
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
  const form = h("form", { role: "search", class: "search-form" }, h("label", { for: "q" }, "Search rounds, positions, statements and agreements"), input);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    ask(input.value);
  });
  if (initial) await ask(initial);

  return {
    title: initial ? `Search: ${initial}` : "Search",
    focus: input,
    node: h(
      "div",
      { class: "search" },
      h("h1", { id: "title" }, "Search"),
      form,
      status,
      results,
    ),
  };
}

/** @param {import("../api.js").Schemas["SearchHit"]} found */
function hit(found) {
  return h(
    "li",
    { "data-type": found.type, "data-id": found.id },
    h("a", { href: `#/${COLLECTIONS[found.type]}/${found.id}` }, found.title),
    " ",
    h("span", { class: "badge" }, words(found.type)),
    h("p", { class: "snippet" }, ...highlighted(found.snippet)),
  );
}

/**
 * The snippet as text nodes, with <mark> elements where the API marked a match. Only the exact marker strings are
 * read; anything else that looks like markup stays text.
 * @param {string} snippet
 */
export function highlighted(snippet) {
  return snippet.split(/(<mark>.*?<\/mark>)/s).map((part) => {
    const match = /^<mark>(.*)<\/mark>$/s.exec(part);
    return match ? h("mark", {}, match[1] ?? "") : document.createTextNode(part);
  });
}
