// Writes the Talks database out as a json-server db.json, in the shapes the API answers with (camelCase fields,
// kebab-case enums, source ids as arrays), one collection per API collection plus the round's participants and
// delegates, so json-server's _embed/_expand can assemble a full round. Streams row by row: the generated data set
// does not fit in one JavaScript string.
//   node export.js TALKS.db OUT/db.json        (needs the sqlite3 command-line shell)
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const readline = require('node:readline');

const [database, output] = process.argv.slice(2);
if (!database || !output) {
  console.error('usage: node export.js TALKS.db OUT/db.json');
  process.exit(2);
}

const kebab = (text) => text && text.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const utc = (text) => text && text.replace(' ', 'T').replace(/0+$/, '').replace(/\.$/, '') + 'Z';
const sources = (row) => { row.sourceIds = JSON.parse(row.sourceIds); };
const stamped = (row) => { sources(row); row.createdAt = utc(row.createdAt); row.updatedAt = utc(row.updatedAt); };
const stamp = 'SourceIds AS sourceIds, Version AS version, CreatedAt AS createdAt, UpdatedAt AS updatedAt';

function localTime(startsAtUtc, offsetMinutes) {
  if (!startsAtUtc) return null;
  const offset = offsetMinutes || 0;
  const local = new Date(Date.parse(startsAtUtc.replace(' ', 'T') + 'Z') + offset * 60000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const collections = [
  ['sources', `SELECT Id AS id, Title AS title, Kind AS kind, Publisher AS publisher, PublishedOn AS publishedOn, Url AS url, Notes AS notes,
      Version AS version, CreatedAt AS createdAt, UpdatedAt AS updatedAt FROM Sources ORDER BY Id`,
    (r) => { r.kind = kebab(r.kind); r.createdAt = utc(r.createdAt); r.updatedAt = utc(r.updatedAt); }],
  ['parties', `SELECT Id AS id, Name AS name, Kind AS kind, CountryCode AS countryCode, Notes AS notes, ${stamp} FROM Parties ORDER BY Id`,
    (r) => { r.kind = kebab(r.kind); stamped(r); }],
  ['people', `SELECT p.Id AS id, p.Name AS name,
      (SELECT o.Title FROM PersonOffices o WHERE o.PersonId = p.Id AND o."To" IS NULL ORDER BY o.Ordinal DESC LIMIT 1) AS office,
      (SELECT o."From" FROM PersonOffices o WHERE o.PersonId = p.Id AND o."To" IS NULL ORDER BY o.Ordinal DESC LIMIT 1) AS officeSince,
      (SELECT json_group_array(json_object('title', o.Title, 'partyId', o.PartyId, 'from', o."From", 'to', o."To"))
        FROM (SELECT * FROM PersonOffices WHERE PersonId = p.Id ORDER BY Ordinal) o) AS offices,
      p.PartyId AS partyId, p.Notes AS notes, p.SourceIds AS sourceIds, p.Version AS version, p.CreatedAt AS createdAt, p.UpdatedAt AS updatedAt
      FROM People p ORDER BY p.Id`,
    (r) => { r.offices = JSON.parse(r.offices); stamped(r); }],
  ['talks', `SELECT Id AS id, Title AS title, Summary AS summary, ${stamp} FROM Talks ORDER BY Id`, stamped],
  ['rounds', `SELECT Id AS id, TalkId AS talkId, Sequence AS sequence, Status AS status, Date AS date, StartsAtUtc AS startsAtUtc, StartsAtOffsetMinutes AS offset,
      DurationMinutes AS durationMinutes, DurationBound AS durationBound, City AS city, CountryCode AS countryCode, Venue AS venue,
      VenueDescription AS venueDescription, Summary AS summary, Outcome AS outcome, Atmosphere AS atmosphere, ${stamp} FROM Rounds ORDER BY Id`,
    (r) => {
      r.startsAt = localTime(r.startsAtUtc, r.offset);
      delete r.startsAtUtc;
      delete r.offset;
      r.durationBound = kebab(r.durationBound);
      r.status = kebab(r.status);
      stamped(r);
    }],
  ['participants', `SELECT p.RoundId || ':' || p.PartyId || ':' || p.Role AS id, p.RoundId AS roundId, p.PartyId AS partyId, y.Name AS partyName,
      p.Role AS role, p.Notes AS notes FROM RoundParticipants p JOIN Parties y ON y.Id = p.PartyId ORDER BY p.RoundId, p.PartyId, p.Role`,
    (r) => { r.role = kebab(r.role); }],
  ['delegates', `SELECT d.RoundId || ':' || d.PersonId AS id, d.RoundId AS roundId, d.PersonId AS personId, n.Name AS personName,
      coalesce(d.Office, (SELECT o.Title FROM PersonOffices o JOIN Rounds r ON r.Id = d.RoundId WHERE o.PersonId = d.PersonId
        AND (o."From" IS NULL OR o."From" <= r.Date) AND (o."To" IS NULL OR o."To" >= r.Date) ORDER BY o."From" DESC, o.Ordinal DESC LIMIT 1)) AS office,
      d.PartyId AS partyId, d.Role AS role, d.Notes AS notes FROM RoundDelegates d JOIN People n ON n.Id = d.PersonId
      ORDER BY d.RoundId, d.PartyId, d.Role, d.PersonId`,
    (r) => { r.role = kebab(r.role); }],
  ['positions', `SELECT Id AS id, RoundId AS roundId, PartyId AS partyId, Topic AS topic, Kind AS kind, Summary AS summary, Quote AS quote,
      VoicedById AS voicedById, AnswersId AS answersId, ${stamp} FROM Positions ORDER BY Id`,
    (r) => { r.kind = kebab(r.kind); stamped(r); }],
  ['statements', `SELECT Id AS id, SpeakerPersonId AS speakerPersonId, SpeakerPartyId AS speakerPartyId, SpeakerBody AS speakerBody, Quote AS quote,
      Wording AS wording, SaidOn AS saidOn, Context AS context, RoundId AS roundId, ${stamp} FROM Statements ORDER BY Id`,
    (r) => { r.wording = kebab(r.wording); stamped(r); }],
  ['agreements', `SELECT a.Id AS id, a.RoundId AS roundId, a.Title AS title, a.Type AS type, a.Status AS status, a.Summary AS summary,
      a.AgreedOn AS agreedOn, a.ImplementationDate AS implementationDate, a.ImplementationDateNote AS implementationDateNote,
      (SELECT json_group_array(json_object('partyId', o.PartyId, 'description', o.Description, 'quantity', o.Quantity, 'unit', o.Unit,
          'beneficiaryPartyId', o.BeneficiaryPartyId)) FROM (SELECT * FROM Obligations WHERE AgreementId = a.Id ORDER BY Ordinal) o) AS obligations,
      a.SourceIds AS sourceIds, a.Version AS version, a.CreatedAt AS createdAt, a.UpdatedAt AS updatedAt FROM Agreements a ORDER BY a.Id`,
    (r) => { r.type = kebab(r.type); r.status = kebab(r.status); r.obligations = JSON.parse(r.obligations); r.events = []; stamped(r); }],
];

async function writeCollection(out, name, sql, shape, first) {
  out.write(`${first ? '' : ',\n'}${JSON.stringify(name)}: [`);
  const shell = spawn('sqlite3', ['-readonly', '-json', database, sql.replace(/\s+/g, ' ')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const closed = new Promise((resolve) => shell.on('close', resolve));
  const lines = readline.createInterface({ input: shell.stdout, crlfDelay: Infinity });
  let count = 0;
  for await (let line of lines) {
    line = line.replace(/^\[/, '').replace(/,$/, '').replace(/\]$/, '');
    if (!line) continue;
    const row = JSON.parse(line);
    shape(row);
    if (!out.write(`${count++ ? ',\n' : '\n'}${JSON.stringify(row)}`)) {
      await new Promise((resolve) => out.once('drain', resolve));
    }
  }
  const code = await closed;
  if (code !== 0) throw new Error(`sqlite3 failed on ${name} (exit ${code})`);
  out.write('\n]');
  return count;
}

(async () => {
  const out = fs.createWriteStream(output);
  out.write('{\n');
  const counts = [];
  for (const [i, [name, sql, shape]] of collections.entries()) {
    counts.push(`${name} ${await writeCollection(out, name, sql, shape, i === 0)}`);
  }
  out.write('\n}\n');
  await new Promise((resolve) => out.end(resolve));
  console.error(`exported ${counts.join(', ')}`);
})().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
