// The typed Talks client: openapi-fetch over the generated paths, so every URL, parameter and body is checked
// against the server's OpenAPI document at compile time. Works in Node (20+) and in browsers.
import createClient from "openapi-fetch";
import type { components, paths } from "./talks-api.d.ts";

export type { components, paths };
export type Schemas = components["schemas"];
export type TalksClient = ReturnType<typeof createTalksClient>;

export interface TalksClientOptions {
  /** Where the API is, e.g. http://127.0.0.1:5080 (no trailing /api/v1: the paths carry it). */
  baseUrl: string;
  /** An API key; reads need none by default, writes need an analyst or admin key. */
  key?: string | undefined;
  /** Abort any request still unanswered after this long; a hung server should fail a check, not hang it. */
  timeoutMs?: number;
}

export function createTalksClient({ baseUrl, key, timeoutMs = 15_000 }: TalksClientOptions) {
  // Lists also answer text/csv (format=csv); this client reads JSON, so its answers are typed as the JSON ones.
  return createClient<paths, "application/json">({
    baseUrl: baseUrl.replace(/\/+$/, ""),
    headers: key ? { Authorization: `Bearer ${key}` } : {},
    fetch: (request: Request) =>
      globalThis.fetch(new Request(request, { signal: AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]) })),
  });
}
