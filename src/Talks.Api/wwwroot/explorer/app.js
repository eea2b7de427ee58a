// The explorer's router: each view has its own address (#/talks/…, #/rounds/…), so deep links load directly and Back
// works. A view is an async function that reads the API and returns a title and a node; the router shows it.
import { ApiError } from "./api.js";
import { h } from "./dom.js";
import { describe, follow } from "./live.js";
import { partyView, personView } from "./views/actors.js";
import { itemView } from "./views/item.js";
import { matrixView } from "./views/matrix.js";
import { roundView } from "./views/round.js";
import { searchView } from "./views/search.js";
import { talkView } from "./views/talk.js";
import { talksView } from "./views/talks.js";

/** @typedef {{ title: string, node: Node, focus?: HTMLElement }} View */
/** @typedef {(match: string[], query: URLSearchParams, signal: AbortSignal) => Promise<View>} Route */

/** @type {[string, RegExp, Route][]} */
const ROUTES = [
  ["talks", /^\/$/, (_, query, signal) => talksView(query.get("cursor"), signal)],
  ["talk", /^\/talks\/([^/]+)$/, ([, id], _, signal) => talkView(String(id), signal)],
  ["matrix", /^\/talks\/([^/]+)\/matrix$/, ([, id], _, signal) => matrixView(String(id), signal)],
  ["round", /^\/rounds\/([^/]+)$/, ([, id], _, signal) => roundView(String(id), signal)],
  ["party", /^\/parties\/([^/]+)$/, ([, id], _, signal) => partyView(String(id), signal)],
  ["person", /^\/people\/([^/]+)$/, ([, id], _, signal) => personView(String(id), signal)],
  ["item", /^\/(positions|statements|agreements)\/([^/]+)$/, ([, kind, id], _, signal) => itemView(/** @type {"positions"} */ (kind), String(id), signal)],
  ["search", /^\/search$/, (_, query, signal) => searchView(query.get("q") ?? "", signal)],
];

const main = /** @type {HTMLElement} */ (document.getElementById("main"));
const announcer = /** @type {HTMLElement} */ (document.getElementById("announcer"));
/** @type {AbortController | null} */
let current = null;
let drawn = 0;

/** Shows the view the address names. A live refresh keeps focus and scroll; a navigation moves focus to the view. */
async function show(/** @type {{ refresh?: boolean }} */ { refresh = false } = {}) {
  const [path = "/", search = ""] = (location.hash.replace(/^#/, "") || "/").split("?");
  const found = ROUTES.map(([name, pattern, route]) => ({ name, route, match: pattern.exec(decodeURIComponent(path)) })).find((r) => r.match);
  current?.abort();
  const controller = new AbortController();
  current = controller;
  main.setAttribute("aria-busy", "true");
  const scroll = { x: scrollX, y: scrollY };
  const focused = document.activeElement?.getAttribute("href") ?? null;
  /** @type {View} */
  let view;
  try {
    view = found?.match
      ? await found.route([...found.match], new URLSearchParams(search), controller.signal)
      : { title: "Not found", node: h("div", {}, h("h1", {}, "Nothing here"), h("p", {}, h("a", { href: "#/" }, "All talks"))) };
  } catch (error) {
    if (controller.signal.aborted) return;
    const missing = error instanceof ApiError && error.status === 404;
    view = {
      title: missing ? "Not found" : "Could not load",
      node: h("div", { id: "error", role: "alert" }, h("h1", {}, missing ? "Not found" : "Could not load this view"), h("p", {}, error instanceof Error ? error.message : String(error)), h("p", {}, h("a", { href: "#/" }, "All talks"))),
    };
  }
  if (controller.signal.aborted) return;
  document.title = `${view.title} — Talks explorer`;
  document.body.dataset.view = found?.name ?? "missing";
  for (const item of document.querySelectorAll("[data-nav]")) item.toggleAttribute("aria-current", item.getAttribute("data-nav") === (found?.name === "search" ? "search" : "talks"));
  main.replaceChildren(view.node);
  main.setAttribute("aria-busy", "false");
  main.dataset.drawn = String(++drawn);
  if (drawn === 1) performance.mark("explorer:first-view");
  if (refresh) {
    scrollTo(scroll.x, scroll.y);
    if (focused) /** @type {HTMLElement | null} */ (main.querySelector(`[href="${CSS.escape(focused)}"]`))?.focus();
  } else if (drawn > 1) {
    (view.focus ?? main).focus();
  } else {
    view.focus?.focus();
  }
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let pending;
/** Changes seen; of a burst, only the last is announced, once it has been put into words. */
let changes = 0;
follow(
  (change) => {
    const seen = ++changes;
    describe(change).then((said) => {
      if (seen === changes) announcer.textContent = `${said}. The page is up to date.`;
    });
    // Search keeps what the reader typed; every other view redraws from the API, once per burst of changes.
    if (document.body.dataset.view === "search") return;
    clearTimeout(pending);
    pending = setTimeout(() => show({ refresh: true }), 100);
  },
  /** @type {HTMLElement} */ (document.getElementById("live")),
);

document.getElementById("skip")?.addEventListener("click", (event) => {
  event.preventDefault();
  main.focus();
});
addEventListener("hashchange", () => show());
show();
apiReference(/** @type {HTMLAnchorElement} */ (document.querySelector('[data-nav="api"]')));

/**
 * "API document" opens Swagger UI, where the document can be read and tried. A server may leave Swagger UI off (it
 * is a developer's tool; the document itself is always served): then the link opens the document as JSON.
 */
async function apiReference(/** @type {HTMLAnchorElement} */ link) {
  const served = await fetch("swagger/index.html", { method: "HEAD" }).then((r) => r.ok, () => false);
  if (!served) {
    link.href = "swagger/v1/swagger.json";
    link.textContent = "API document (JSON)";
  }
  link.dataset.checked = "";
}
