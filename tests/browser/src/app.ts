// The timeline of one talk, read through the typed client from an API on another origin, and kept current by the
// API's change stream: when anything changes the page fetches the timeline again. No polling.
//
// Query parameters: api (the API's base URL, default http://127.0.0.1:5080), talk (default russia-ukraine-direct-talks).
import { createTalksClient } from "../../client/src/client.ts";

const params = new URLSearchParams(location.search);
const api = (params.get("api") ?? "http://127.0.0.1:5080").replace(/\/+$/, "");
const talkId = params.get("talk") ?? "russia-ukraine-direct-talks";
const client = createTalksClient({ baseUrl: api });

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const titleEl = byId<HTMLHeadingElement>("title");
const liveEl = byId<HTMLSpanElement>("live");
const lastChangeEl = byId<HTMLSpanElement>("last-change");
const errorEl = byId<HTMLParagraphElement>("error");
const timelineEl = byId<HTMLOListElement>("timeline");

/** One line of the timeline: a round, or something that happened at it. */
interface Entry {
  type: string;
  id: string;
  date: string;
  text: string;
}

/** Pages through a list endpoint to its end; the bound keeps a broken cursor from looping forever. */
async function all<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const next = await page(cursor);
    items.push(...next.items);
    if (!next.nextCursor) return items;
    cursor = next.nextCursor;
  }
  throw new Error("The list did not end after 100 pages.");
}

function fail(what: string, response: Response, error: unknown): never {
  const detail = typeof error === "object" && error && "title" in error ? `: ${String(error.title)}` : "";
  throw new Error(`${what} answered ${response.status}${detail}`);
}

/** The talk's rounds and what happened at them, dated and in the order the API gives. */
async function loadTimeline(): Promise<Entry[]> {
  const items = await all(async (cursor) => {
    const { data, error, response } = await client.GET("/api/v1/talks/{id}/timeline", {
      params: { path: { id: talkId }, query: { cursor, limit: 200 } },
    });
    return data ?? fail(`GET /api/v1/talks/${talkId}/timeline`, response, error);
  });
  return items.map((item) => ({
    type: item.type,
    id: item.id,
    date: item.date,
    text: item.detail && item.type !== "round" ? `${item.title} — ${item.detail}` : item.title,
  }));
}

async function loadTitle(): Promise<string> {
  const { data, error, response } = await client.GET("/api/v1/talks/{id}", { params: { path: { id: talkId } } });
  return (data ?? fail(`GET /api/v1/talks/${talkId}`, response, error)).title;
}

function renderEntry(entry: Entry, known: Set<string>, firstOfDay: boolean): HTMLLIElement {
  const li = document.createElement("li");
  li.dataset.id = entry.id;
  li.dataset.type = entry.type;
  if (known.size > 0 && !known.has(`${entry.type}/${entry.id}`)) li.classList.add("fresh");
  const when = document.createElement("time");
  when.className = "when";
  // Every entry carries its date for scripts; readers see it once per day.
  when.hidden = !firstOfDay;
  when.dateTime = entry.date;
  when.textContent = entry.date;
  li.append(when);
  const what = document.createElement("span");
  what.className = "what";
  const type = document.createElement("span");
  type.className = "type";
  type.textContent = entry.type;
  what.append(type, entry.text);
  li.append(what);
  return li;
}

function render(entries: Entry[]): void {
  const known = new Set([...timelineEl.querySelectorAll<HTMLElement>("[data-id]")].map((el) => `${el.dataset.type}/${el.dataset.id}`));
  timelineEl.replaceChildren(...entries.map((entry, i) => renderEntry(entry, known, entry.date !== entries[i - 1]?.date)));
  timelineEl.dataset.loaded = String(Date.now());
}

function showError(error: unknown): void {
  errorEl.hidden = false;
  errorEl.textContent = `Could not load the timeline from ${api}: ${error instanceof Error ? error.message : String(error)}`;
}

let loading: Promise<void> | null = null;
let again = false;

/** Reloads the timeline; changes that arrive while a load runs cause exactly one more load after it. */
function refresh(): void {
  if (loading) {
    again = true;
    return;
  }
  loading = (async () => {
    try {
      const [title, entries] = await Promise.all([loadTitle(), loadTimeline()]);
      titleEl.textContent = title;
      document.title = `${title} — timeline`;
      render(entries);
      errorEl.hidden = true;
    } catch (error) {
      showError(error);
    } finally {
      loading = null;
      if (again) {
        again = false;
        refresh();
      }
    }
  })();
}

function setLive(state: "connecting" | "live" | "reconnecting", text: string): void {
  liveEl.dataset.state = state;
  liveEl.textContent = text;
}

function subscribe(): void {
  // EventSource reconnects by itself and sends Last-Event-ID, so the stream resumes where it broke off.
  const stream = new EventSource(`${api}/api/v1/changes/stream`);
  stream.addEventListener("open", () => setLive("live", "live"));
  stream.addEventListener("error", () => setLive("reconnecting", "reconnecting…"));
  stream.addEventListener("change", (event) => {
    const change = JSON.parse((event as MessageEvent<string>).data) as { collection: string; id: string; kind: string };
    lastChangeEl.textContent = `(last change #${(event as MessageEvent).lastEventId}: ${change.kind} ${change.collection}/${change.id})`;
    refresh();
  });
}

refresh();
subscribe();
