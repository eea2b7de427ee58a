// An analyst's second round, posted whole through the generated client: a new source, party and person with the
// participants, delegation, positions, statements and agreement that happened in it, in one request; then a
// front-end's reads of each collection, and the edits that follow (PATCH and PUT with If-Match, an implementation
// event, a delete). Run through a validating proxy (tests/prism/run), every answer is checked against the OpenAPI
// document. The exit code is non-zero if any check failed.
//
//   npm run scenario:whole-round -- --base-url http://127.0.0.1:5080 --key talks_…
import { createTalksClient, type Schemas } from "./client.ts";
import { readCommandLine } from "./args.ts";

const TALK = "russia-ukraine-direct-talks";
const SOURCE = "article-istanbul-talks-2025";

const { baseUrl, key } = readCommandLine(
  "Usage: npm run scenario:whole-round -- --base-url http://127.0.0.1:5080 --key KEY\n" +
    "  (or TALKS_BASE_URL and TALKS_KEY in the environment; the key needs the analyst or admin role)",
  { keyRequired: true },
);
const reader = createTalksClient({ baseUrl });
const analyst = createTalksClient({ baseUrl, key });

// Each run makes its own ids, so the scenario can run again against the same database.
const stamp = Date.now().toString(36);
const ids = {
  round: `geneva-${stamp}`,
  bareRound: `ankara-${stamp}`,
  source: `briefing-${stamp}`,
  party: `mediators-${stamp}`,
  person: `envoy-${stamp}`,
  position: `truce-proposal-${stamp}`,
  answer: `truce-rejection-${stamp}`,
  statement: `envoy-remark-${stamp}`,
  agreement: `body-exchange-${stamp}`,
};

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function expectStatus(response: Response, status: number, what: string, error?: unknown): void {
  if (response.status !== status) {
    const detail = error === undefined ? "" : `: ${JSON.stringify(error).slice(0, 500)}`;
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
    const message = error instanceof Error ? error.message : String(error);
    console.log(`not ok - ${name}\n    ${message.replaceAll("\n", "\n    ")}`);
  }
}

async function postTheRoundWhole(): Promise<void> {
  const body: Schemas["NewRoundRequest"] = {
    id: ids.round,
    date: "2025-06-02",
    startsAt: "2025-06-02T13:00:00+03:00",
    durationMinutes: 60,
    durationBound: "approximately",
    city: "Istanbul",
    countryCode: "TR",
    venue: "Çırağan Palace",
    summary: "A second direct round, posted whole by the whole-round scenario.",
    participants: [
      { partyId: "ukraine", role: "negotiating-party" },
      { partyId: "russia", role: "negotiating-party" },
      { partyId: ids.party, role: "mediator", notes: "New in this round." },
    ],
    delegates: [
      { personId: "rustem-umerov", partyId: "ukraine", role: "head" },
      { personId: ids.person, partyId: ids.party, role: "member" },
    ],
    sourceIds: [ids.source],
    sources: [{ id: ids.source, title: `Briefing after the second round (${stamp})`, kind: "official-statement" }],
    parties: [{ id: ids.party, name: `Mediators' group ${stamp}`, kind: "international-organisation", sourceIds: [ids.source] }],
    people: [{ id: ids.person, name: `Envoy ${stamp}`, office: "Special envoy", partyId: ids.party, sourceIds: [ids.source] }],
    positions: [
      { id: ids.position, partyId: "ukraine", topic: "ceasefire", kind: "proposal", summary: "A thirty-day truce.", voicedById: "rustem-umerov", sourceIds: [ids.source] },
      { id: ids.answer, partyId: "russia", topic: "ceasefire", kind: "rejection", summary: "No truce before a withdrawal.", answersId: ids.position, sourceIds: [ids.source] },
    ],
    statements: [
      { id: ids.statement, speakerPersonId: ids.person, quote: "Both delegations stayed at the table.", wording: "paraphrase", saidOn: "2025-06-02", sourceIds: [ids.source] },
    ],
    agreements: [
      {
        id: ids.agreement,
        title: "Return of the fallen",
        type: "humanitarian",
        status: "agreed",
        summary: "Each side returns the bodies of fallen soldiers.",
        agreedOn: "2025-06-02",
        obligations: [
          { partyId: "ukraine", description: "Return bodies", quantity: 6000, unit: "bodies", beneficiaryPartyId: "russia" },
          { partyId: "russia", description: "Return bodies", quantity: 6000, unit: "bodies", beneficiaryPartyId: "ukraine" },
        ],
        sourceIds: [ids.source],
      },
    ],
  };
  const created = await analyst.POST("/api/v1/talks/{talkId}/rounds", { params: { path: { talkId: TALK } }, body });
  expectStatus(created.response, 201, `POST /api/v1/talks/${TALK}/rounds`, created.error);
  const round = created.data;
  expect(round, "the created round had no body");
  expect(round.id === ids.round, `created round '${round.id}', expected '${ids.round}'`);
  expect(round.positions.length === 2 && round.statements.length === 1 && round.agreements.length === 1,
    `the created round has ${round.positions.length} positions, ${round.statements.length} statements, ${round.agreements.length} agreements`);
  expect(round.durationBound === "approximately", `durationBound is ${JSON.stringify(round.durationBound)}`);
}

/** The optional parts of a whole round may be left out: the document says so, and the API agrees. */
async function postABareRound(): Promise<void> {
  const created = await analyst.POST("/api/v1/talks/{talkId}/rounds", {
    params: { path: { talkId: TALK } },
    body: { id: ids.bareRound, date: "2025-07-23", city: "Istanbul", participants: [], delegates: [], sourceIds: [SOURCE] },
  });
  expectStatus(created.response, 201, "POST a round with none of the optional parts", created.error);
  expect(created.data?.durationBound === null, `a round without a duration bound answers ${JSON.stringify(created.data?.durationBound)}, expected null`);
}

async function readEachCollection(): Promise<void> {
  const round = await reader.GET("/api/v1/rounds/{id}", { params: { path: { id: ids.round } } });
  expectStatus(round.response, 200, `GET /api/v1/rounds/${ids.round}`, round.error);
  expect(round.data?.delegates.some((d) => d.personId === ids.person && d.personName.startsWith("Envoy")), "the new envoy is not in the delegation");

  const rounds = await reader.GET("/api/v1/talks/{talkId}/rounds", { params: { path: { talkId: TALK }, query: { limit: 200 } } });
  expectStatus(rounds.response, 200, `GET /api/v1/talks/${TALK}/rounds`, rounds.error);
  const listed = rounds.data?.items.find((r) => r.id === ids.bareRound);
  expect(listed && listed.durationBound === null, `the bare round is not listed with durationBound null`);

  const all = await reader.GET("/api/v1/rounds", { params: { query: { talkId: TALK, partyId: ids.party } } });
  expectStatus(all.response, 200, "GET /api/v1/rounds?partyId=…", all.error);
  expect(all.data?.items.map((r) => r.id).join() === ids.round, `rounds with the new party: ${all.data?.items.map((r) => r.id).join()}`);

  const party = await reader.GET("/api/v1/parties/{id}", { params: { path: { id: ids.party } } });
  expectStatus(party.response, 200, `GET /api/v1/parties/${ids.party}`, party.error);
  const person = await reader.GET("/api/v1/people/{id}", { params: { path: { id: ids.person } } });
  expectStatus(person.response, 200, `GET /api/v1/people/${ids.person}`, person.error);
  const source = await reader.GET("/api/v1/sources/{id}", { params: { path: { id: ids.source } } });
  expectStatus(source.response, 200, `GET /api/v1/sources/${ids.source}`, source.error);

  const positions = await reader.GET("/api/v1/positions", { params: { query: { roundId: ids.round, topic: "ceasefire" } } });
  expectStatus(positions.response, 200, "GET /api/v1/positions?roundId=…&topic=ceasefire", positions.error);
  expect(positions.data?.items.length === 2, `the round has ${positions.data?.items.length} positions, expected 2`);
  const answer = await reader.GET("/api/v1/positions/{id}", { params: { path: { id: ids.answer } } });
  expectStatus(answer.response, 200, `GET /api/v1/positions/${ids.answer}`, answer.error);
  expect(answer.data?.answersId === ids.position, `the rejection answers ${answer.data?.answersId}`);

  const statements = await reader.GET("/api/v1/statements", { params: { query: { roundId: ids.round } } });
  expectStatus(statements.response, 200, "GET /api/v1/statements?roundId=…", statements.error);
  expect(statements.data?.items.some((s) => s.id === ids.statement), "the statement is not listed");
  const statement = await reader.GET("/api/v1/statements/{id}", { params: { path: { id: ids.statement } } });
  expectStatus(statement.response, 200, `GET /api/v1/statements/${ids.statement}`, statement.error);

  const agreements = await reader.GET("/api/v1/agreements", { params: { query: { roundId: ids.round, include: "round,parties" } } });
  expectStatus(agreements.response, 200, "GET /api/v1/agreements?roundId=…&include=round,parties", agreements.error);
  expect(agreements.data?.items.some((a) => a.id === ids.agreement), "the agreement is not listed");

  const timeline = await reader.GET("/api/v1/talks/{id}/timeline", { params: { path: { id: TALK } } });
  expectStatus(timeline.response, 200, `GET /api/v1/talks/${TALK}/timeline`, timeline.error);
  const search = await reader.GET("/api/v1/search", { params: { query: { q: "truce" } } });
  expectStatus(search.response, 200, "GET /api/v1/search?q=truce", search.error);
  const changes = await reader.GET("/api/v1/changes", { params: { query: { limit: 5 } } });
  expectStatus(changes.response, 200, "GET /api/v1/changes?limit=5", changes.error);
}

async function editWithIfMatch(): Promise<void> {
  const before = await reader.GET("/api/v1/rounds/{id}", { params: { path: { id: ids.round } }, cache: "no-store" });
  expectStatus(before.response, 200, `GET /api/v1/rounds/${ids.round}`, before.error);
  const etag = etagOf(before.response, `GET /api/v1/rounds/${ids.round}`);

  // A merge patch that clears the duration bound: the answer says null, as the document allows.
  const patched = await analyst.PATCH("/api/v1/rounds/{id}", {
    params: { path: { id: ids.round }, header: { "If-Match": etag } },
    body: { durationBound: null, outcome: "A truce was proposed and rejected." },
    headers: { "Content-Type": "application/merge-patch+json" },
  });
  expectStatus(patched.response, 200, `PATCH /api/v1/rounds/${ids.round}`, patched.error);
  expect(patched.data?.durationBound === null, `after the patch durationBound is ${JSON.stringify(patched.data?.durationBound)}`);

  const stale = await analyst.PATCH("/api/v1/rounds/{id}", {
    params: { path: { id: ids.round }, header: { "If-Match": etag } },
    body: { outcome: "An edit based on a stale copy." },
    headers: { "Content-Type": "application/merge-patch+json" },
  });
  expectStatus(stale.response, 412, `PATCH /api/v1/rounds/${ids.round} with the old ETag`, stale.error);

  const party = await reader.GET("/api/v1/parties/{id}", { params: { path: { id: ids.party } }, cache: "no-store" });
  expectStatus(party.response, 200, `GET /api/v1/parties/${ids.party}`, party.error);
  const replaced = await analyst.PUT("/api/v1/parties/{id}", {
    params: { path: { id: ids.party }, header: { "If-Match": etagOf(party.response, "GET party") } },
    body: { name: `Mediators' group ${stamp}`, kind: "international-organisation", notes: "Renamed nothing; added a note.", sourceIds: [ids.source] },
  });
  expectStatus(replaced.response, 200, `PUT /api/v1/parties/${ids.party}`, replaced.error);

  const history = await reader.GET("/api/v1/rounds/{id}/history", { params: { path: { id: ids.round } } });
  expectStatus(history.response, 200, `GET /api/v1/rounds/${ids.round}/history`, history.error);
  expect(history.data?.items.some((c) => c.kind === "updated"), "the round's history has no update");
}

async function recordAnEventAndDelete(): Promise<void> {
  const event = await analyst.POST("/api/v1/agreements/{id}/events", {
    params: { path: { id: ids.agreement } },
    body: { occurredOn: "2025-06-14", description: "A first exchange of bodies.", quantity: 1212, unit: "bodies", statusAfter: "in-implementation", sourceIds: [ids.source] },
  });
  expectStatus(event.response, 201, `POST /api/v1/agreements/${ids.agreement}/events`, event.error);
  const note = await analyst.POST("/api/v1/agreements/{id}/events", {
    params: { path: { id: ids.agreement } },
    body: { occurredOn: "2025-06-20", description: "A delay is reported.", sourceIds: [ids.source] },
  });
  expectStatus(note.response, 201, "POST an event without statusAfter", note.error);
  expect(note.data?.statusAfter === null, `an event without statusAfter answers ${JSON.stringify(note.data?.statusAfter)}`);
  const events = await reader.GET("/api/v1/agreements/{id}/events", { params: { path: { id: ids.agreement } } });
  expectStatus(events.response, 200, `GET /api/v1/agreements/${ids.agreement}/events`, events.error);
  expect(events.data?.items.some((e) => e.statusAfter === null), "the events list has no event with statusAfter null");
  const agreement = await reader.GET("/api/v1/agreements/{id}", { params: { path: { id: ids.agreement } } });
  expectStatus(agreement.response, 200, `GET /api/v1/agreements/${ids.agreement}`, agreement.error);
  expect(agreement.data?.status === "in-implementation", `the agreement's status is ${agreement.data?.status}`);

  const statement = await reader.GET("/api/v1/statements/{id}", { params: { path: { id: ids.statement } }, cache: "no-store" });
  expectStatus(statement.response, 200, `GET /api/v1/statements/${ids.statement}`, statement.error);
  const deleted = await analyst.DELETE("/api/v1/statements/{id}", {
    params: { path: { id: ids.statement }, header: { "If-Match": etagOf(statement.response, "GET statement") } },
  });
  // Deleting needs an admin key; the scenario's key may be either, and both answers are in the document.
  expect(deleted.response.status === 204 || deleted.response.status === 403, `DELETE /api/v1/statements/${ids.statement} answered ${deleted.response.status}`);
  const missing = await reader.GET("/api/v1/parties/{id}", { params: { path: { id: `no-such-party-${stamp}` } } });
  expectStatus(missing.response, 404, "GET a party that does not exist", missing.error);
}

/** Embedded records, CSV and a retried POST: answers whose shape depends on how they were asked for. */
async function embedExportAndRetry(): Promise<void> {
  const rounds = await reader.GET("/api/v1/rounds", { params: { query: { talkId: TALK, include: "talk,positions,statements,agreements" } } });
  expectStatus(rounds.response, 200, "GET /api/v1/rounds?include=talk,positions,statements,agreements", rounds.error);
  const round = rounds.data?.items.find((r) => r.id === ids.round);
  expect(round?.talk?.id === TALK && round.positions?.length === 2, `the round's embedded talk and positions are ${JSON.stringify([round?.talk, round?.positions?.length])}`);
  const talk = await reader.GET("/api/v1/talks/{id}", { params: { path: { id: TALK }, query: { include: "rounds" } } });
  expectStatus(talk.response, 200, `GET /api/v1/talks/${TALK}?include=rounds`, talk.error);
  expect(talk.data?.rounds?.some((r) => r.id === ids.round), "the talk's embedded rounds miss the new round");
  const agreement = await reader.GET("/api/v1/agreements/{id}", { params: { path: { id: ids.agreement }, query: { include: "round,parties" } } });
  expectStatus(agreement.response, 200, `GET /api/v1/agreements/${ids.agreement}?include=round,parties`, agreement.error);
  expect(agreement.data?.round?.id === ids.round && agreement.data.parties?.length === 2, "the agreement's embedded round or parties are wrong");

  const csv = await reader.GET("/api/v1/parties", { params: { query: { format: "csv" } }, parseAs: "text" });
  expectStatus(csv.response, 200, "GET /api/v1/parties?format=csv", csv.error);
  expect(csv.response.headers.get("Content-Type")?.startsWith("text/csv") && csv.data?.includes(ids.party), "the CSV export misses the new party");

  const keys = await analyst.GET("/api/v1/keys");
  expectStatus(keys.response, 200, "GET /api/v1/keys", keys.error);

  const retryKey = `whole-round-${stamp}`;
  const body: Schemas["SourceRequest"] = { id: `retried-${stamp}`, title: `A source posted twice (${stamp})`, kind: "report" };
  const first = await analyst.POST("/api/v1/sources", { body, params: { header: { "Idempotency-Key": retryKey } } });
  expectStatus(first.response, 201, "POST /api/v1/sources with an Idempotency-Key", first.error);
  const again = await analyst.POST("/api/v1/sources", { body, params: { header: { "Idempotency-Key": retryKey } } });
  expectStatus(again.response, 201, "the same POST again", again.error);
  expect(again.response.headers.get("Idempotent-Replayed") === "true", "the retried POST was not answered from the kept answer");
}

console.log(`Whole-round scenario against ${baseUrl}`);
await check("posts a second round whole: a new source, party and person with positions, statements and an agreement", postTheRoundWhole);
await check("posts a round without any of the optional parts", postABareRound);
await check("reads each collection the round wrote to", readEachCollection);
await check("edits with If-Match: a merge patch clearing durationBound, a stale ETag's 412, a PUT", editWithIfMatch);
await check("embeds with include=, exports CSV, lists keys and retries a POST with an Idempotency-Key", embedExportAndRetry);
await check("records implementation events, with and without statusAfter, and deletes a statement", recordAnEventAndDelete);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
