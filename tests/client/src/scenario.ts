// What a front-end does with the Talks API, through the generated client, against a running server seeded with the
// Istanbul article. Each check says what it expected and what it got; the exit code is non-zero if any failed.
//
//   npm run scenario -- --base-url http://127.0.0.1:5080 --key talks_…
import { createTalksClient, type Schemas, type TalksClient } from "./client.ts";
import { readCommandLine } from "./args.ts";
import { readChangeStream } from "./change-stream.ts";

const TALK = "russia-ukraine-direct-talks";
const ROUND = "istanbul-2025-05-16";
const VENUE = "Dolmabahçe Palace";
const AGREEMENT = "istanbul-2025-prisoner-exchange";
const SOURCE = "article-istanbul-talks-2025";
/** A bound on paging, so a server that hands out the same cursor forever fails the check instead of hanging it. */
const MAX_PAGES = 500;

const { baseUrl, key } = readCommandLine(
  "Usage: npm run scenario -- --base-url http://127.0.0.1:5080 --key KEY\n" +
    "  (or TALKS_BASE_URL and TALKS_KEY in the environment; the key needs the analyst or admin role)",
  { keyRequired: true },
);

const reader = createTalksClient({ baseUrl });
// Behind a validating proxy (tests/prism/run), TALKS_DIRECT_URL is the API itself: fields= answers and the change
// stream go there, since OpenAPI cannot tie a response schema to a query parameter and the proxy buffers streams.
const directUrl = process.env.TALKS_DIRECT_URL?.replace(/\/+$/, "") ?? baseUrl;
const direct = createTalksClient({ baseUrl: directUrl });
const analyst = createTalksClient({ baseUrl, key });

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Fails with the status and the problem the server sent, which is what a developer needs to see first. */
function expectStatus(response: Response, status: number, what: string, error?: unknown): void {
  if (response.status !== status) {
    const text = typeof error === "string" ? error.trim() : error === undefined ? "" : JSON.stringify(error);
    const detail = text ? `: ${text.slice(0, 500)}` : "";
    throw new Error(`${what} answered ${response.status}, expected ${status}${detail}`);
  }
}

function etagOf(response: Response, what: string): string {
  const etag = response.headers.get("ETag");
  expect(etag, `${what} sent no ETag header`);
  return etag;
}

let passed = 0;
let failed = 0;

async function check(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
    passed++;
    console.log(`ok - ${name}`);
  } catch (error) {
    failed++;
    // A fetch that fails outright says why only in its cause (refused, reset, timed out).
    const cause = error instanceof Error && error.cause ? ` (${String(error.cause)})` : "";
    const message = error instanceof Error ? `${error.message}${cause}` : String(error);
    console.log(`not ok - ${name}\n    ${message.replaceAll("\n", "\n    ")}`);
  }
}

async function listTalks(client: TalksClient): Promise<void> {
  const { data, error, response } = await client.GET("/api/v1/talks");
  expectStatus(response, 200, "GET /api/v1/talks", error);
  const talk = data?.items.find((t) => t.id === TALK);
  expect(talk, `GET /api/v1/talks does not list '${TALK}'; got ${data?.items.map((t) => t.id).join(", ") || "nothing"}`);
  expect(talk.roundCount >= 2, `talk '${TALK}' has roundCount ${talk.roundCount}, expected at least 2 (March 2022 and May 2025)`);
}

async function openRound(client: TalksClient): Promise<void> {
  const { data, error, response } = await client.GET("/api/v1/rounds/{id}", { params: { path: { id: ROUND } } });
  expectStatus(response, 200, `GET /api/v1/rounds/${ROUND}`, error);
  expect(data, `GET /api/v1/rounds/${ROUND} had no body`);
  expect(data.venue === VENUE, `round venue is ${JSON.stringify(data.venue)}, expected ${JSON.stringify(VENUE)}`);
  expect(data.talk.id === TALK, `round belongs to talk '${data.talk.id}', expected '${TALK}'`);

  const agreement = data.agreements.find((a) => a.id === AGREEMENT);
  expect(agreement, `round has no agreement '${AGREEMENT}'; it has ${data.agreements.map((a) => a.id).join(", ") || "none"}`);
  expect(agreement.type === "prisoner-exchange", `agreement type is '${agreement.type}', expected 'prisoner-exchange'`);
  for (const [giver, receiver] of [["ukraine", "russia"], ["russia", "ukraine"]] as const) {
    const obligation = agreement.obligations.find((o) => o.partyId === giver);
    expect(obligation, `agreement has no obligation for ${giver}`);
    expect(
      obligation.quantity === 1000 && obligation.unit === "prisoners-of-war" && obligation.beneficiaryPartyId === receiver,
      `${giver}'s obligation is ${obligation.quantity} ${obligation.unit} to ${obligation.beneficiaryPartyId}, ` +
        `expected 1000 prisoners-of-war to ${receiver}`,
    );
  }
  for (const party of ["ukraine", "russia"]) {
    expect(
      data.participants.some((p) => p.partyId === party && p.role === "negotiating-party"),
      `${party} is not a negotiating party of the round`,
    );
  }
}

async function pageThroughPositions(client: TalksClient): Promise<void> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  let pages = 0;
  do {
    const { data, error, response } = await client.GET("/api/v1/positions", { params: { query: { limit: 2, cursor } } });
    const what = `GET /api/v1/positions?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
    expectStatus(response, 200, what, error);
    expect(data, `${what} had no body`);
    expect(data.items.length <= 2, `${what} returned ${data.items.length} items, more than the limit of 2`);
    for (const position of data.items) {
      expect(!seen.has(position.id), `${what} repeated position '${position.id}' from an earlier page`);
      seen.add(position.id);
    }
    const link = response.headers.get("Link");
    if (data.nextCursor) {
      expect(data.items.length === 2, `${what} returned a short page (${data.items.length}) but a next cursor`);
      expect(link?.includes(`cursor=${data.nextCursor}`), `${what}: Link header ${JSON.stringify(link)} does not carry nextCursor`);
    }
    cursor = data.nextCursor ?? undefined;
    pages++;
    expect(pages <= MAX_PAGES, `still paging after ${MAX_PAGES} pages; the cursor never ran out`);
  } while (cursor);

  for (const id of ["russia-demands-withdrawal-for-ceasefire", "ukraine-rejects-withdrawal-demand", "ukraine-proposes-leaders-meeting"]) {
    expect(seen.has(id), `paging through every position never returned '${id}'`);
  }
  console.log(`    ${seen.size} positions in ${pages} pages`);
}

async function searchForTheAgreement(client: TalksClient): Promise<void> {
  const { data, error, response } = await client.GET("/api/v1/search", { params: { query: { q: "prisoners" } } });
  expectStatus(response, 200, "GET /api/v1/search?q=prisoners", error);
  expect(data, "GET /api/v1/search?q=prisoners had no body");
  const hit = data.items.find((item) => item.type === "agreement" && item.id === AGREEMENT);
  expect(
    hit,
    `searching 'prisoners' did not find agreement '${AGREEMENT}'; found ${data.items.map((i) => `${i.type}:${i.id}`).join(", ") || "nothing"}`,
  );
  expect(typeof hit.snippet === "string" && hit.snippet.length > 0, `the agreement's search hit has no snippet`);
}

/** fields= is part of every read's typed parameters: no cast, and the answer keeps just those properties (and id). */
async function trimARound(client: TalksClient): Promise<void> {
  const { data, error, response } = await client.GET("/api/v1/rounds/{id}", {
    params: { path: { id: ROUND }, query: { fields: "date,venue" } },
  });
  expectStatus(response, 200, `GET /api/v1/rounds/${ROUND}?fields=date,venue`, error);
  expect(data, `GET /api/v1/rounds/${ROUND}?fields=date,venue had no body`);
  const keys = Object.keys(data).sort().join(",");
  expect(keys === "date,id,venue", `GET /api/v1/rounds/${ROUND}?fields=date,venue answered with ${keys}, expected date,id,venue`);
  expect(data.venue === VENUE, `the trimmed round's venue is ${JSON.stringify(data.venue)}, expected ${JSON.stringify(VENUE)}`);
}

/** A second GET with the first one's ETag in If-None-Match must be a bodiless 304, for single records and for lists. */
async function revalidate(client: TalksClient): Promise<void> {
  const round = await client.GET("/api/v1/rounds/{id}", { params: { path: { id: ROUND } }, cache: "no-store" });
  expectStatus(round.response, 200, `GET /api/v1/rounds/${ROUND}`, round.error);
  const roundEtag = etagOf(round.response, `GET /api/v1/rounds/${ROUND}`);
  const again = await client.GET("/api/v1/rounds/{id}", {
    params: { path: { id: ROUND } },
    headers: { "If-None-Match": roundEtag },
    // Node's fetch keeps no HTTP cache today, but say so: the 304 must reach this code, not be turned into a 200.
    cache: "no-store",
  });
  expectStatus(again.response, 304, `GET /api/v1/rounds/${ROUND} with If-None-Match: ${roundEtag}`);

  const list = await client.GET("/api/v1/talks", { cache: "no-store" });
  expectStatus(list.response, 200, "GET /api/v1/talks", list.error);
  const listEtag = etagOf(list.response, "GET /api/v1/talks");
  const listAgain = await client.GET("/api/v1/talks", { headers: { "If-None-Match": listEtag }, cache: "no-store" });
  expectStatus(listAgain.response, 304, `GET /api/v1/talks with If-None-Match: ${listEtag}`);
}

let postedPositionId: string | undefined;

async function postAPosition(): Promise<void> {
  const stamp = Date.now().toString(36);
  const before = await reader.GET("/api/v1/rounds/{id}", { params: { path: { id: ROUND } }, cache: "no-store" });
  expectStatus(before.response, 200, `GET /api/v1/rounds/${ROUND}`, before.error);
  const roundEtag = etagOf(before.response, `GET /api/v1/rounds/${ROUND}`);

  const body: Schemas["PositionRequest"] = {
    id: `scenario-ceasefire-proposal-${stamp}`,
    roundId: ROUND,
    partyId: "ukraine",
    topic: "ceasefire",
    kind: "proposal",
    summary: `A thirty-day ceasefire, recorded by the client scenario (${stamp}).`,
    sourceIds: [SOURCE],
  };

  const anonymous = await reader.POST("/api/v1/positions", { body });
  expectStatus(anonymous.response, 401, "POST /api/v1/positions without a key", anonymous.error);

  const created = await analyst.POST("/api/v1/positions", { body });
  expectStatus(created.response, 201, "POST /api/v1/positions with the key", created.error);
  expect(created.data?.id === body.id, `POST /api/v1/positions created '${created.data?.id}', expected '${body.id}'`);
  postedPositionId = body.id;
  const location = created.response.headers.get("Location");
  expect(location?.endsWith(`/api/v1/positions/${body.id}`), `POST /api/v1/positions: Location is ${JSON.stringify(location)}`);

  const read = await reader.GET("/api/v1/positions/{id}", { params: { path: { id: body.id! } } });
  expectStatus(read.response, 200, `GET /api/v1/positions/${body.id}`, read.error);
  expect(read.data?.summary === body.summary, `GET /api/v1/positions/${body.id} has summary ${JSON.stringify(read.data?.summary)}`);

  const round = await reader.GET("/api/v1/rounds/{id}", { params: { path: { id: ROUND } }, cache: "no-store" });
  expectStatus(round.response, 200, `GET /api/v1/rounds/${ROUND}`, round.error);
  expect(round.data?.positions.some((p) => p.id === body.id), `the round's full view does not include the new position '${body.id}'`);

  // The full round embeds its positions, so a client holding the old ETag must not be told its copy is current.
  const stale = await reader.GET("/api/v1/rounds/{id}", {
    params: { path: { id: ROUND } },
    headers: { "If-None-Match": roundEtag },
    cache: "no-store",
  });
  expect(
    stale.response.status === 200,
    `GET /api/v1/rounds/${ROUND} with the ETag from before the new position (${roundEtag}) answered ` +
      `${stale.response.status}, expected 200 with the new position: a cached round would never show it`,
  );
}

/** The creation of the posted position is in its history; the stream, resumed just before it, must send it first. */
async function resumeTheChangeStream(): Promise<void> {
  expect(postedPositionId, "no position was posted, so there is no change to look for");
  const history = await reader.GET("/api/v1/positions/{id}/history", { params: { path: { id: postedPositionId } } });
  expectStatus(history.response, 200, `GET /api/v1/positions/${postedPositionId}/history`, history.error);
  const creation = history.data?.items.find((c) => c.kind === "created");
  expect(creation, `the history of '${postedPositionId}' has no creation`);

  const lastEventId = String(creation.seq - 1);
  const events = await readChangeStream(directUrl, lastEventId, (seen) => seen.length >= 1);
  const first = events[0];
  expect(first, `GET /api/v1/changes/stream with Last-Event-ID: ${lastEventId} sent no event within 10 s`);
  expect(first.event === "change", `the stream's event is named ${JSON.stringify(first.event)}, expected "change"`);
  expect(first.id === String(creation.seq), `resuming after ${lastEventId}, the first event has id ${JSON.stringify(first.id)}, expected "${creation.seq}"`);
  expect(
    first.data.collection === "positions" && first.data.id === postedPositionId && first.data.kind === "created",
    `resuming after ${lastEventId}, the first event is ${JSON.stringify(first.data)}, expected the creation of positions/${postedPositionId}`,
  );
}

console.log(`Scenario against ${baseUrl}`);
await check("lists talks and finds the Russia–Ukraine direct talks", () => listTalks(reader));
await check(`opens round ${ROUND} in full: venue and the 1,000-for-1,000 obligations`, () => openRound(reader));
await check("follows the cursor through /api/v1/positions?limit=2 to the end, no repeats", () => pageThroughPositions(reader));
await check("searches for 'prisoners' and finds the agreement", () => searchForTheAgreement(reader));
await check(`trims round ${ROUND} to two fields with fields=`, () => trimARound(direct));
await check("revalidates a round and a list with If-None-Match and gets 304", () => revalidate(reader));
await check("posts a position with the key and reads it back, in the round too", postAPosition);
await check("resumes the change stream from Last-Event-ID and gets that position's creation first", resumeTheChangeStream);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
