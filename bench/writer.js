// Posts positions to one round at a steady rate until stopped (SIGTERM), then prints one line, RESULT {json}:
// how many were posted, how many failed, and their latency. The mixed case runs it beside the readers.
//   node bench/writer.js URL KEY ROUND PARTY PER_SECOND RUN
'use strict';
const [base, key, round, party, perSecond, run] = process.argv.slice(2);
const interval = 1000 / Number(perSecond);
const latencies = [];
let failed = 0;
let firstError = null;
let n = 0;

const body = (id) => JSON.stringify({
  id, roundId: round, partyId: party, topic: 'ceasefire', kind: 'proposal',
  summary: 'A thirty-day ceasefire along the current line, monitored by a third party.',
  quote: null, voicedById: null, answersId: null, sourceIds: ['article-istanbul-talks-2025'],
});

async function post() {
  n += 1;
  const started = performance.now();
  try {
    const response = await fetch(`${base}/api/v1/positions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
      body: body(`bench-mixed-${run}-${n}`),
    });
    const text = await response.text();
    if (response.status !== 201) {
      failed += 1;
      firstError ??= `${response.status} ${text.slice(0, 300)}`;
    }
  } catch (error) {
    failed += 1;
    firstError ??= String(error);
  }
  latencies.push(performance.now() - started);
}

// Each post starts on its own tick, so a slow one does not lower the rate.
const started = performance.now();
const pending = new Set();
const timer = setInterval(() => {
  const p = post().finally(() => pending.delete(p));
  pending.add(p);
}, interval);

process.on('SIGTERM', async () => {
  clearInterval(timer);
  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0);
  process.stdout.write(`RESULT ${JSON.stringify({
    posted: latencies.length, failed, seconds: Number(seconds.toFixed(1)), perSecond: Number((latencies.length / seconds).toFixed(2)),
    p50Ms: Number(at(0.5).toFixed(2)), p99Ms: Number(at(0.99).toFixed(2)), firstError,
  })}\n`);
  process.exit(0);
});
