// Turns one bench/run work folder (settings.json, results/) into the markdown table of docs/benchmarks.md.
//   node bench/report.js WORK                 prints the results section
//   node bench/report.js --into FILE SECTION  puts SECTION between FILE's results markers (creating FILE if needed)
//   node bench/report.js --mixed WORK         prints only the mixed case (bench/run --only-mixed)
//   node bench/report.js --postgres WORK      prints the mixed case on each provider (bench/run --postgres)
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const START = '<!-- results:start -->';
const END = '<!-- results:end -->';

if (process.argv[2] === '--into') {
  const [file, sectionFile] = process.argv.slice(3);
  const section = fs.readFileSync(sectionFile, 'utf8').trim();
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const at = current.indexOf(START);
  const end = current.indexOf(END);
  if (at < 0 || end < at) throw new Error(`${file} has no ${START} … ${END} markers`);
  fs.writeFileSync(file, `${current.slice(0, at)}${START}\n${section}\n${current.slice(end)}`);
  process.exit(0);
}

const mixedOnly = process.argv[2] === '--mixed';
const postgresOnly = process.argv[2] === '--postgres';
const work = process.argv[mixedOnly || postgresOnly ? 3 : 2];
const settings = JSON.parse(fs.readFileSync(path.join(work, 'settings.json'), 'utf8'));
const read = (name) => {
  const file = path.join(work, 'results', name);
  return fs.existsSync(file) && fs.statSync(file).size > 0 ? fs.readFileSync(file, 'utf8') : null;
};
const result = (kase, server) => {
  const text = read(`${kase}.${server}.json`);
  return text ? JSON.parse(text) : null;
};
const startup = (server) => {
  const text = read(`startup.${server}.hyperfine`);
  return text ? JSON.parse(text).results[0] : null;
};
const rssMb = (server) => {
  const text = read(`${server}.rss`);
  return text ? Number(text) / 1024 : null;
};

const n = (value, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (value) => (value >= 100 ? n(value) : value >= 10 ? n(value, 1) : n(value, 2));
const rate = (value) => (value < 10 ? n(value, 1) : n(value));
const cell = (r) => (r ? `${rate(r.perSecond)} req/s · p50 ${ms(r.p50Ms)} ms · p99 ${ms(r.p99Ms)} ms${r.badStatus || r.socketErrors ? ' ⚠ errors' : ''}` : '—');
const ratio = (a, b) => (a && b ? a / b : null);
// Near a target's line, as many digits as put the figure on the side of the line it is on (49.6 %, not 50 %).
const pct = (value, line) => {
  let digits = value < 0.01 ? 2 : 0;
  while (line !== undefined && digits < 3 && (Number((100 * value).toFixed(digits)) >= 100 * line) !== (value >= line)) {
    digits++;
  }
  return `${n(100 * value, digits)}%`;
};
const times = (value) => `${value >= 10 ? n(value) : n(value, 1)}×`;
const verdict = (ok) => (ok === null ? 'not measured' : ok ? '**met**' : '**not met**');

const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
const osName = (fs.readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)"?/m) ?? [])[1] ?? os.type();
const s = settings;
const rounds = s.talks * s.rounds;
const lines = [];

// Reads with writes against reads alone, same server, same URLs, alternating; the medians of the passes are compared.
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
// Server CPU per 1,000 requests (clock ticks of 10 ms), from bench/run's reading of /proc around the measured run,
// added over the servers that answered them.
const cpuPerThousand = (kase, label, servers) => {
  const ticks = servers.map((server) => read(`${kase}.${server}.cpu`));
  const r = result(kase, label);
  return ticks.every(Boolean) && r && r.requests ? (ticks.reduce((sum, t) => sum + Number(t), 0) * 10 * 1000) / r.requests : null;
};
// The mixed case's passes as run under LABEL (bench/run's mixed LABEL SERVER…), with their medians' ratios.
const mixedPasses = (label, servers) => {
  const passes = [];
  for (let pass = 1; pass <= (s.mixedPasses ?? 1); pass++) {
    const alone = result(`mixed-alone-${pass}`, label);
    const withWrites = result(`mixed-writes-${pass}`, label);
    const writerText = read(`mixed-writer-${pass}.${label}.json`);
    if (alone && withWrites) {
      passes.push({ pass, alone, withWrites, writer: writerText ? JSON.parse(writerText) : null,
        cpuAlone: cpuPerThousand(`mixed-alone-${pass}`, label, servers), cpuWrites: cpuPerThousand(`mixed-writes-${pass}`, label, servers) });
    }
  }
  if (!passes.length) return null;
  return {
    passes,
    rateRatio: median(passes.map((p) => p.withWrites.perSecond)) / median(passes.map((p) => p.alone.perSecond)),
    p99Ratio: median(passes.map((p) => p.withWrites.p99Ms)) / median(passes.map((p) => p.alone.p99Ms)),
    aloneRate: median(passes.map((p) => p.alone.perSecond)),
    writesRate: median(passes.map((p) => p.withWrites.perSecond)),
    aloneP99: median(passes.map((p) => p.alone.p99Ms)),
    writesP99: median(passes.map((p) => p.withWrites.p99Ms)),
  };
};
const mixedLines = (label = 'api', servers = ['api']) => {
  const measured = mixedPasses(label, servers);
  if (!measured) return [];
  const { passes, rateRatio, p99Ratio } = measured;
  const posted = passes.reduce((sum, p) => sum + (p.writer?.posted ?? 0), 0);
  const failed = passes.reduce((sum, p) => sum + (p.writer?.failed ?? 0), 0);
  const cpu = (value) => (value === null ? '—' : `${ms(value)} ms`);
  return [
    `Mixed: full rounds over ${n(s.roundIds)} round ids read at random by ${s.connections} connections, alone and then while ` +
    `${s.mixedPostsPerSecond} positions a second are posted to one talk (one of whose rounds is among those read), ` +
    `alternating, ${passes.length} time(s); the writer posted ${n(posted)} positions, ${failed} failed. The ratios compare the medians of the passes.`,
    '',
    '| pass | full rounds, no writes | full rounds, writes to one talk | server CPU per 1,000 reads: alone / with writes |',
    '|---|---|---|---|',
    ...passes.map((p) => `| ${p.pass} | ${cell(p.alone)} | ${cell(p.withWrites)} | ${cpu(p.cpuAlone)} / ${cpu(p.cpuWrites)} |`),
    '',
    '| mixed target | measured | |',
    '|---|---|---|',
    `| read rate with writes / without ≥ 0.8 | ${n(rateRatio, 2)} | ${verdict(rateRatio >= 0.8)} |`,
    `| p99 with writes / without ≤ 2× | ${times(p99Ratio)} | ${verdict(p99Ratio <= 2)} |`,
    '',
  ];
};

if (postgresOnly) {
  const setups = [
    ['SQLite, one instance', 'sqlite', ['api']],
    [`PostgreSQL ${s.postgres}, one instance`, 'postgres', ['pg']],
    [`PostgreSQL ${s.postgres}, two instances on one database (reads split between them, writes to the first)`, 'postgres-2', ['pga', 'pgb']],
  ];
  const summary = setups.map(([name, label, servers]) => {
    const m = mixedPasses(label, servers);
    return m
      ? `| ${name} | ${rate(m.aloneRate)} req/s, p99 ${ms(m.aloneP99)} ms | ${rate(m.writesRate)} req/s, p99 ${ms(m.writesP99)} ms | ` +
        `${n(m.rateRatio, 2)} ${verdict(m.rateRatio >= 0.8)} | ${times(m.p99Ratio)} ${verdict(m.p99Ratio <= 2)} |`
      : `| ${name} | — | — | not measured | not measured |`;
  });
  const measured = Object.fromEntries(setups.map(([, label, servers]) => [label, mixedPasses(label, servers)]));
  const pgOverSqlite = ratio(measured.postgres?.aloneRate, measured.sqlite?.aloneRate);
  const twoOverOne = ratio(measured['postgres-2']?.aloneRate, measured.postgres?.aloneRate);
  const mixedRatios = setups.map(([, label]) => measured[label]?.rateRatio).filter((r) => r !== undefined);
  const weakest = mixedRatios.length === setups.length ? Math.min(...mixedRatios) : null;
  const targets = [
    ['PostgreSQL, one instance: full rounds (cache hits) ≥ 0.7 of the SQLite instance\'s rate', pgOverSqlite,
      pgOverSqlite && `${n(pgOverSqlite, 2)} (${rate(measured.postgres.aloneRate)} vs ${rate(measured.sqlite.aloneRate)} req/s)`, pgOverSqlite >= 0.7],
    ['PostgreSQL, two instances on one database serve at least as much as one', twoOverOne,
      twoOverOne && `${n(twoOverOne, 2)} (${rate(measured['postgres-2'].aloneRate)} vs ${rate(measured.postgres.aloneRate)} req/s)`, twoOverOne >= 1],
    ['mixed: reads with writes ≥ 0.8 of the rate without, on every setup', weakest,
      weakest && `weakest ${n(weakest, 2)} (${mixedRatios.map((r) => n(r, 2)).join(', ')})`, weakest >= 0.8],
  ].map(([target, value, text, ok]) => `| ${target} | ${text || '—'} | ${verdict(value ? ok : null)} |`);
  process.stdout.write(`${[`## Mixed case on each provider: ${s.started}`, '', `Load average ${s.loadStart} at the start, ${s.loadEnd} at the end. ` +
    `Data set: \`Generator --talks ${s.talks} --rounds-per-talk ${s.rounds} --positions-per-round ${s.positions} --seed ${s.seed}\`, ` +
    `copied into PostgreSQL by \`bench/pg-copy\`; ${s.duration} s measured per run after ${s.warmup} s of warm-up (${s.longWarmup} s before the first). ` +
    'With two instances each gets half the connections; their rates are added and the higher p99 is given.', '',
  '| setup | full rounds, no writes (median) | with writes to one talk (median) | rate with / without (≥ 0.8) | p99 with / without (≤ 2×) |',
  '|---|---|---|---|---|',
  ...summary, '',
  '| target | measured | |', '|---|---|---|', ...targets, '',
  ...setups.flatMap(([name, label, servers]) => [`### ${name}`, '', ...mixedLines(label, servers)])].join('\n')}\n`);
  process.exit(0);
}

if (mixedOnly) {
  process.stdout.write(`${[`## Mixed case: ${s.started}`, '', `Load average ${s.loadStart} at the start, ${s.loadEnd} at the end. ` +
    `Data set: \`Generator --talks ${s.talks} --rounds-per-talk ${s.rounds} --positions-per-round ${s.positions} --seed ${s.seed}\`; ` +
    `${s.duration} s measured per run after ${s.warmup} s of warm-up (${s.longWarmup} s before the first).`, '', ...mixedLines()].join('\n')}\n`);
  process.exit(0);
}
lines.push(`## Results: ${s.mode} run, ${s.started}`, '');
lines.push(
  `Machine: ${os.cpus().length} × ${cpu}, ${n(os.totalmem() / 2 ** 30, 1)} GiB memory, ${osName}, kernel ${os.release()}; ` +
  `.NET SDK ${s.dotnet} (ASP.NET Core ${s.runtime}), node ${s.node}, wrk ${s.wrk}. ` +
  `Load average (1/5/15 min) ${s.loadStart} at the start, ${s.loadEnd} at the end: the machine is shared with other builds, ` +
  'so compare the columns of one run, not figures across runs.', '');
lines.push(
  `Data set: \`Generator --talks ${s.talks} --rounds-per-talk ${s.rounds} --positions-per-round ${s.positions} --seed ${s.seed}\` — ` +
  `${n(s.talks)} talks, ${n(rounds)} rounds, ${n(rounds * s.positions)} positions, ${n(rounds * 4)} statements, ${n(rounds)} agreements ` +
  `(SQLite file ${n(s.dbBytes / 2 ** 20)} MB; json-server's db.json ${n(s.dbJsonBytes / 2 ** 20)} MB).`, '');
lines.push(
  `Load: wrk, 1 thread, ${s.connections} connections for reads and ${s.writeConnections} for writes, ${s.duration} s measured after ` +
  `${s.warmup} s of warm-up per case (${s.longWarmup ?? s.warmup} s for each server's first case, the full round, and for the writes), ` +
  `client and servers on the same cores. Full round: ${n(s.roundIds)} different round ids, ` +
  `picked at random per request. List: \`partyId=${s.party}\` (${n(s.partyPositions)} positions), \`limit=${s.limit}\`; the deep page is ` +
  `page ${n(s.deep + 1)}, reached with a computed cursor (json-server: \`_page=${s.deep + 1}\`). Raw SQLite: one writer, one transaction ` +
  'per request, the same rows the API commits (history rows included), WAL + synchronous=FULL.', '');

const row = (label, kase, servers = ['api', 'uncached', 'ceiling', 'peer', 'raw']) =>
  `| ${label} | ${servers.map((server) => cell(result(kase, server))).join(' | ')} |`;
lines.push('| case | Talks API | Talks API, caching off | ceiling: bare Kestrel, same bytes | json-server 0.17.4 | raw SQLite inserts |');
lines.push('|---|---|---|---|---|---|');
lines.push(row(`\`GET /api/v1/rounds/{id}\`: full round, ${n(s.roundIds)} ids`, 'round'));
lines.push(row(`\`GET /api/v1/positions?partyId=…&limit=${s.limit}\`: first page`, 'first'));
lines.push(row(`the same list, page ${n(s.deep + 1)} by cursor`, 'deep'));
lines.push(row('the same list with the text filter `q=` (3 words)', 'text'));
lines.push(s.search ? row('`GET /api/v1/search?q=…` (6 queries)', 'search') : '| `GET /api/v1/search?q=…` | not available in this build | | | | |');
lines.push(row('`POST /api/v1/positions`', 'position'));
lines.push(row(`\`POST /api/v1/talks/{talkId}/rounds\`: whole round, ${s.positions} positions, 4 statements, 1 agreement`, 'round-post'));
const start = (server) => {
  const r = startup(server);
  return r ? `median ${n(r.median, 2)} s (${n(r.min, 2)}–${n(r.max, 2)} s)` : '—';
};
lines.push(`| start-up to ready, ${s.starts} runs, on this data set | ${start('api')} | — | ${start('ceiling')} | ${start('peer')} | — |`);
const rss = (server) => (rssMb(server) ? `${n(rssMb(server))} MB` : '—');
lines.push(`| peak RSS over all the load cases (sampled from /proc every 100 ms) | ${rss('api')} | ${rss('uncached')} | ${rss('ceiling')} | ${rss('peer')} | — |`);
lines.push('');
const cached = (kase) => ratio(result(kase, 'api')?.perSecond, result(kase, 'uncached')?.perSecond);
const caching = [['full round', 'round'], ['list, first page', 'first'], ['list, deep page', 'deep'], ['text filter', 'text'], ['search', 'search']]
  .filter(([, kase]) => cached(kase))
  .map(([label, kase]) => `${label} ${times(cached(kase))} (${rate(result(kase, 'api').perSecond)} vs ${rate(result(kase, 'uncached').perSecond)} req/s)`);
if (caching.length) {
  lines.push(`Output cache, on against off, same build and database in the same run: ${caching.join('; ')}. ` +
    'No writes run during the read cases, so after the first request for a URL every later one is a hit; each hit still ' +
    'asks whether the database moved (`PRAGMA data_version` on a connection kept for it) and, while it has not, keys ' +
    'the answer by the change numbers it remembers.', '');
}

const api = (kase) => result(kase, 'api');
const roundVsCeiling = ratio(api('round')?.perSecond, result('round', 'ceiling')?.perSecond);
const roundVsPeer = ratio(api('round')?.perSecond, result('round', 'peer')?.perSecond);
const deepP50 = ratio(api('deep')?.p50Ms, api('first')?.p50Ms);
const deepP99 = ratio(api('deep')?.p99Ms, api('first')?.p99Ms);
const postPosition = ratio(api('position')?.perSecond, result('position', 'raw')?.perSecond);
const postRound = ratio(api('round-post')?.perSecond, result('round-post', 'raw')?.perSecond);
const apiStart = startup('api');
const apiRss = rssMb('api');
const targets = [
  ['full-round GET ≥ 50% of the ceiling\'s req/s', roundVsCeiling && `${pct(roundVsCeiling, 0.5)} (${n(api('round').perSecond)} vs ${n(result('round', 'ceiling').perSecond)} req/s)`, roundVsCeiling && roundVsCeiling >= 0.5],
  ['a cache hit (the full round, every request a hit) ≥ 70% of the ceiling\'s req/s for the same bytes', roundVsCeiling && `${pct(roundVsCeiling, 0.7)}`, roundVsCeiling && roundVsCeiling >= 0.7],
  ['full-round GET ≥ 5× json-server\'s req/s', roundVsPeer && `${times(roundVsPeer)} (${n(api('round').perSecond)} vs ${n(result('round', 'peer').perSecond, 1)} req/s)`, roundVsPeer && roundVsPeer >= 5],
  ['deep page within 1.5× the first page\'s latency (p50)', deepP50 && `p50 ${times(deepP50)} (${ms(api('deep').p50Ms)} vs ${ms(api('first').p50Ms)} ms), p99 ${times(deepP99)}`, deepP50 && deepP50 <= 1.5],
  ['search p99 < 20 ms, the same 6 queries repeated (answered from the cache)', s.search ? api('search') && `p99 ${ms(api('search').p99Ms)} ms` : 'not available in this build', s.search && api('search') ? api('search').p99Ms < 20 : null],
  ['search p99 < 20 ms, caching off (every query as if never asked before)', s.search ? result('search', 'uncached') && `p99 ${ms(result('search', 'uncached').p99Ms)} ms` : 'not available in this build', s.search && result('search', 'uncached') ? result('search', 'uncached').p99Ms < 20 : null],
  ['POST a position ≥ 30% of the raw insert rate', postPosition && `${pct(postPosition, 0.3)} (${n(api('position').perSecond)} vs ${n(result('position', 'raw').perSecond)} per s)`, postPosition && postPosition >= 0.3],
  ['POST a whole round ≥ 30% of the raw insert rate', postRound && `${pct(postRound, 0.3)} (${n(api('round-post').perSecond, 1)} vs ${n(result('round-post', 'raw').perSecond, 1)} per s)`, postRound && postRound >= 0.3],
  ['start-up to ready < 2 s', apiStart && `median ${n(apiStart.median, 2)} s, slowest ${n(apiStart.max, 2)} s`, apiStart && apiStart.median < 2],
  ['peak memory under load < 300 MB', apiRss && `${n(apiRss)} MB`, apiRss && apiRss < 300],
];
lines.push(...mixedLines());
lines.push('| target | measured | |');
lines.push('|---|---|---|');
for (const [target, measured, ok] of targets) {
  lines.push(`| ${target} | ${measured || '—'} | ${verdict(ok === null || !measured ? null : Boolean(ok))} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
