// Reads the Talks API on the page's own origin. Every answer is typed by the generated client types in tests/client
// (the OpenAPI document as TypeScript), so a renamed or retyped field fails the type-check, not a reader's page.

/** @typedef {import("../../../../tests/client/src/talks-api").paths} Paths */
/** @typedef {import("../../../../tests/client/src/talks-api").components["schemas"]} Schemas */

/**
 * What a GET of the path answers with 200, as JSON.
 * @template {keyof Paths} P
 * @typedef {Paths[P] extends { get: { responses: { 200: { content: { "application/json": infer A } } } } } ? A : never} Answer
 */

/**
 * The items of a list path.
 * @template {keyof Paths} P
 * @typedef {Answer<P> extends { items: (infer I)[] } ? I : never} Item
 */

/** @typedef {Record<string, string | number | undefined>} Query */

/** A list never needs more pages than this; the bound keeps a broken cursor from looping forever. */
const MAX_PAGES = 50;

/**
 * GET a path of the API, with its {placeholders} filled in.
 * @template {keyof Paths} P
 * @param {P} path
 * @param {{ path?: Record<string, string>, query?: Query, signal?: AbortSignal }} [options]
 * @returns {Promise<Answer<P>>}
 */
export async function get(path, options = {}) {
  const filled = String(path).replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(options.path?.[name] ?? ""));
  const url = new URL(filled, location.origin);
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  const response = await fetch(url, { headers: { Accept: "application/json" }, signal: options.signal ?? null });
  if (!response.ok) {
    /** @type {{ title?: string, detail?: string }} */
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, `${url.pathname} answered ${response.status}${problem.title ? `: ${problem.title}` : ""}`);
  }
  return /** @type {Promise<Answer<P>>} */ (response.json());
}

/**
 * Every item of a list path, following nextCursor to the end.
 * @template {keyof Paths} P
 * @param {P} path
 * @param {{ path?: Record<string, string>, query?: Query, signal?: AbortSignal }} [options]
 * @returns {Promise<Item<P>[]>}
 */
export async function all(path, options = {}) {
  /** @type {Item<P>[]} */
  const items = [];
  /** @type {string | undefined} */
  let cursor;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = /** @type {{ items: Item<P>[], nextCursor: string | null }} */ (
      await get(path, { ...options, query: { limit: 200, ...options.query, cursor } })
    );
    items.push(...answer.items);
    if (!answer.nextCursor) return items;
    cursor = answer.nextCursor;
  }
  throw new Error(`${String(path)} did not end after ${MAX_PAGES} pages`);
}

export class ApiError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * Names of parties and people, and the labels of topics, by id: one request each per view. A view that shows no
 * topic leaves them out.
 * @param {AbortSignal} [signal]
 * @param {{ topics?: boolean }} [options]
 */
export async function names(signal, { topics: withTopics = true } = {}) {
  const [parties, people, topics] = await Promise.all([
    all("/api/v1/parties", { signal }),
    all("/api/v1/people", { signal }),
    // Retired topics too: a position keeps the topic it was filed under.
    withTopics ? all("/api/v1/topics", { query: { retired: "any" }, signal }) : [],
  ]);
  return {
    party: lookup(parties, (p) => p.name),
    person: lookup(people, (p) => p.name),
    topic: lookup(topics, (t) => t.label),
    parties,
    people,
  };
}

/**
 * What a list calls each of its items, by id; an id it does not hold is said as it is.
 * @template {{ id: string }} T
 * @param {T[]} list
 * @param {(item: T) => string} say
 */
function lookup(list, say) {
  return (/** @type {string | null | undefined} */ id) => {
    const found = list.find((item) => item.id === id);
    return found ? say(found) : id ?? "";
  };
}

/** @typedef {Awaited<ReturnType<typeof names>>} Names */
