// Reports bench/run --scale: a table of each figure at each size, the targets met or not, and an SVG chart of the
// figures relative to the smallest data set.
//   node bench/scale.js WORK CHART.svg                      prints the table, writes the chart
//   node bench/scale.js WORK CHART.svg --into FILE.md       also puts both between FILE's scale markers
const fs = require('node:fs');
const path = require('node:path');

const START = '<!-- scale:start -->';
const END = '<!-- scale:end -->';
const [work, chartFile, into, intoFile] = process.argv.slice(2);
const settings = JSON.parse(fs.readFileSync(path.join(work, 'settings.json'), 'utf8'));
const results = path.join(work, 'results');
const readJson = (name) => {
  const file = path.join(results, name);
  return fs.existsSync(file) && fs.statSync(file).size > 0 ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
};
const readNumber = (name) => {
  const file = path.join(results, name);
  return fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').trim()) : null;
};

const sizes = settings.sizes.map((talks) => {
  const startup = readJson(`startup.${talks}.hyperfine`)?.results?.[0];
  return {
    talks,
    positions: readNumber(`positions.${talks}`),
    generatedSeconds: readNumber(`generated.${talks}`),
    bytes: readNumber(`bytes.${talks}`),
    startupSeconds: startup ? startup.median : null,
    round: readJson(`round.api.${talks}.json`),
    roundUncached: readJson(`round.uncached.${talks}.json`),
    deep: readJson(`deep.api.${talks}.json`),
    deepUncached: readJson(`deep.uncached.${talks}.json`),
    searchUncached: readJson(`search.uncached.${talks}.json`),
  };
});

const n = (value, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value)
    ? '—'
    : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (value) => (value >= 100 ? n(value) : value >= 10 ? n(value, 1) : n(value, 2));
const load = (r) => (r ? `${n(r.perSecond)} req/s · p50 ${ms(r.p50Ms)} · p99 ${ms(r.p99Ms)} ms${r.badStatus || r.socketErrors ? ' ⚠' : ''}` : '—');
const size = (bytes) => (bytes >= 1e9 ? `${n(bytes / 1e9, 1)} GB` : `${n(bytes / 1e6)} MB`);
const minutes = (seconds) => (seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`);
const verdict = (ok) => (ok === null ? 'not measured' : ok ? '**met**' : '**not met**');

const first = sizes[0];
const last = sizes[sizes.length - 1];
const growth = (pick) => {
  const a = pick(first);
  const b = pick(last);
  return a && b ? b / a : null;
};
const dataGrowth = growth((s) => s.positions);
const slowdown = (pick) => growth((s) => (pick(s) ? 1 / pick(s).perSecond : null));
const targets = [
  [`full round by id, uncached: rate at ${n(first.positions)} over rate at ${n(last.positions)} ≤ 1.3×`, slowdown((s) => s.roundUncached), (v) => v <= 1.3],
  ['full round by id, cached: the same ≤ 1.3×', slowdown((s) => s.round), (v) => v <= 1.3],
  ['deep keyset page, uncached: ≤ 1.3×', slowdown((s) => s.deepUncached), (v) => v <= 1.3],
  ['deep keyset page, cached: ≤ 1.3×', slowdown((s) => s.deep), (v) => v <= 1.3],
  [`search p99, uncached: grows less than the data (${n(dataGrowth)}×)`, growth((s) => s.searchUncached?.p99Ms), (v) => v < dataGrowth],
];

const lines = [];
lines.push(
  `Run ${settings.started}${settings.smoke ? ' (smoke: tiny data sets, 2-second runs)' : ''}; load average ${settings.loadStart} at the start, ` +
    `${settings.loadEnd} at the end. ${settings.rounds} rounds a talk, ${settings.positions} positions a round; only the number of talks grows. ` +
    `${settings.duration} s measured per case with ${settings.connections} connections; start-up is the median of ${settings.starts}.`,
  '',
  '| positions | talks | generated in | database | start-up | full round, cached | full round, uncached | deep page, cached | deep page, uncached | search, uncached |',
  '|---:|---:|---:|---:|---:|---|---|---|---|---|',
);
for (const s of sizes) {
  lines.push(
    `| ${n(s.positions)} | ${n(s.talks)} | ${s.generatedSeconds === null ? '—' : minutes(s.generatedSeconds)} | ${s.bytes ? size(s.bytes) : '—'} | ` +
      `${s.startupSeconds === null ? '—' : `${n(s.startupSeconds, 2)} s`} | ${load(s.round)} | ${load(s.roundUncached)} | ${load(s.deep)} | ` +
      `${load(s.deepUncached)} | ${load(s.searchUncached)} |`,
  );
}
lines.push('', '| target | measured | |', '|---|---|---|');
for (const [name, value, ok] of targets) {
  lines.push(`| ${name} | ${value === null ? '—' : `${n(value, 2)}×`} | ${verdict(value === null ? null : ok(value))} |`);
}
const slowestStart = Math.max(...sizes.map((s) => s.startupSeconds ?? Infinity));
lines.push(`| start-up < 2 s at every size | slowest median ${n(slowestStart, 2)} s | ${verdict(Number.isFinite(slowestStart) ? slowestStart < 2 : null)} |`);
lines.push(
  `| generation of the largest set < 10 min | ${last.generatedSeconds === null ? '—' : minutes(last.generatedSeconds)} | ` +
    `${verdict(last.generatedSeconds === null ? null : last.generatedSeconds < 600)} |`,
);
lines.push('', `![Each figure relative to the ${n(first.positions)}-position data set](${path.basename(chartFile)})`);

// The chart: each latency relative to its value on the smallest set, against the number of positions (log scale).
const series = [
  ['full round, uncached (p50)', (s) => s.roundUncached?.p50Ms, '#1b6ca8'],
  ['deep page, uncached (p50)', (s) => s.deepUncached?.p50Ms, '#c0392b'],
  ['search, uncached (p99)', (s) => s.searchUncached?.p99Ms, '#27ae60'],
  ['start-up (median)', (s) => s.startupSeconds, '#8e44ad'],
];
const width = 720;
const height = 380;
const left = 60;
const right = 230;
const top = 30;
const bottom = 50;
const plotted = series.map(([label, pick, colour]) => {
  const base = pick(first);
  return { label, colour, points: sizes.map((s) => (base && pick(s) ? { x: s.positions, y: pick(s) / base } : null)).filter(Boolean) };
});
const yMax = Math.max(2, ...plotted.flatMap((p) => p.points.map((q) => q.y))) * 1.1;
const xs = sizes.map((s) => s.positions).filter(Boolean);
const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
const px = (x) => left + ((Math.log10(x) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin) || 1)) * (width - left - right);
const py = (y) => height - bottom - (y / yMax) * (height - top - bottom);
const svg = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
  `<title>Talks: each figure relative to the ${n(first.positions)}-position data set</title>`,
  `<rect width="${width}" height="${height}" fill="#fff"/>`,
  `<line x1="${left}" y1="${py(0)}" x2="${width - right}" y2="${py(0)}" stroke="#333"/>`,
  `<line x1="${left}" y1="${py(0)}" x2="${left}" y2="${top}" stroke="#333"/>`,
];
for (const x of xs) {
  svg.push(`<line x1="${px(x)}" y1="${py(0)}" x2="${px(x)}" y2="${py(0) + 5}" stroke="#333"/>`);
  svg.push(`<text x="${px(x)}" y="${py(0) + 20}" text-anchor="middle">${n(x)}</text>`);
}
svg.push(`<text x="${(left + width - right) / 2}" y="${height - 8}" text-anchor="middle">positions (log scale)</text>`);
svg.push(`<text transform="translate(14 ${(top + height - bottom) / 2}) rotate(-90)" text-anchor="middle">relative to the smallest set</text>`);
const step = yMax > 10 ? Math.ceil(yMax / 5) : yMax > 4 ? 1 : 0.5;
for (let y = 0; y <= yMax; y += step) {
  svg.push(`<line x1="${left - 5}" y1="${py(y)}" x2="${width - right}" y2="${py(y)}" stroke="#eee"/>`);
  svg.push(`<text x="${left - 8}" y="${py(y) + 4}" text-anchor="end">${n(y, y % 1 ? 1 : 0)}×</text>`);
}
svg.push(`<line x1="${left}" y1="${py(1.3)}" x2="${width - right}" y2="${py(1.3)}" stroke="#999" stroke-dasharray="4 3"/>`);
svg.push(`<text x="${width - right + 4}" y="${py(1.3) + 4}" fill="#666">1.3× (flat)</text>`);
plotted.forEach((p, i) => {
  if (p.points.length === 0) return;
  svg.push(`<polyline fill="none" stroke="${p.colour}" stroke-width="2" points="${p.points.map((q) => `${px(q.x).toFixed(1)},${py(q.y).toFixed(1)}`).join(' ')}"/>`);
  for (const q of p.points) svg.push(`<circle cx="${px(q.x).toFixed(1)}" cy="${py(q.y).toFixed(1)}" r="3" fill="${p.colour}"/>`);
  svg.push(`<rect x="${width - right + 10}" y="${top + 10 + i * 22}" width="12" height="12" fill="${p.colour}"/>`);
  svg.push(`<text x="${width - right + 28}" y="${top + 20 + i * 22}">${p.label}</text>`);
});
svg.push('</svg>', '');
fs.writeFileSync(chartFile, svg.join('\n'));

const section = lines.join('\n');
console.log(section);
if (into === '--into') {
  const doc = fs.readFileSync(intoFile, 'utf8');
  const i = doc.indexOf(START);
  const j = doc.indexOf(END);
  if (i < 0 || j < i) {
    console.error(`${intoFile} has no ${START} … ${END} markers`);
    process.exit(1);
  }
  fs.writeFileSync(intoFile, `${doc.slice(0, i + START.length)}\n${section}\n${doc.slice(j)}`);
}
