// Follows the API's change stream (Server-Sent Events) and says, quietly, what changed. EventSource reconnects by
// itself and sends Last-Event-ID, so the stream resumes where it broke off.

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

/** What a change means to a reader: "New position: ukraine-proposes-…". */
export function describe(/** @type {StreamedChange} */ change) {
  const what = change.collection.replace(/s$/, "");
  const verb = { created: "New", updated: "Updated", deleted: "Removed", reset: "Reset" }[change.kind];
  return `${verb} ${what}: ${change.id}`;
}
