// The talk's timeline as SVG: rounds on a date axis, each party's positions and statements in a lane under them,
// agreements as bars from agreed to implemented or collapsed with their implementation events. Every mark is a link.
import { s, words } from "../dom.js";
import { dateScale, dayNumber, ticks } from "./scale.js";

/** @typedef {import("../api.js").Schemas} Schemas */
/** @typedef {"years" | "months" | "days"} Zoom */

/** How wide a day is at each zoom, how wide an empty stretch may be before it becomes a break, the tick unit. */
export const ZOOMS = /** @type {const} */ ({
  years: { pixelsPerDay: 0.9, maxGap: Infinity, padDays: 60, unit: "year" },
  months: { pixelsPerDay: 8, maxGap: 120, padDays: 45, unit: "month" },
  days: { pixelsPerDay: 90, maxGap: 120, padDays: 3, unit: "day" },
});

const LEFT = 16;
const AXIS = 34;
const ROW = 24;
const LANE_HEAD = 24;
const LABEL_CHARS = 60;
const CHAR_WIDTH = 6.6;

/**
 * @typedef {{ type: string, id: string, route: string, day: number, endDay?: number, label: string, full: string,
 *   shape: string, className: string, events?: { day: number, label: string }[] }} Mark
 * @typedef {{ key: string, title: string, marks: Mark[] }} Lane
 */

/**
 * @param {Schemas["RoundResponse"][]} rounds with positions, statements and agreements
 * @param {import("../api.js").Names} known
 * @returns {Lane[]}
 */
export function lanes(rounds, known) {
  /** @type {Lane} */
  const roundLane = { key: "rounds", title: "Rounds", marks: [] };
  /** @type {Map<string, Lane>} */
  const parties = new Map();
  /** @type {Lane} */
  const agreements = { key: "agreements", title: "Agreements", marks: [] };
  const party = (/** @type {string | null} */ id) => {
    const key = id ?? "unattributed";
    if (!parties.has(key)) parties.set(key, { key, title: id ? known.party(id) : "Unattributed", marks: [] });
    return /** @type {Lane} */ (parties.get(key));
  };
  for (const round of rounds) {
    const place = [round.city, round.venue].filter(Boolean).join(", ");
    const label = `Round ${round.sequence} · ${place || "place not known"} · ${words(round.status)}`;
    roundLane.marks.push({
      type: "round", id: round.id, route: `/rounds/${round.id}`, day: dayNumber(round.date), label, full: `${label}, ${round.date}`,
      shape: round.status, className: `round status-${round.status}`,
    });
    for (const participant of round.participants.filter((p) => p.role === "negotiating-party")) party(participant.partyId);
    for (const position of round.positions ?? []) {
      const label = `${words(position.kind)} · ${known.topic(position.topic)}: ${position.summary}`;
      party(position.partyId).marks.push({
        type: "position", id: position.id, route: `/positions/${position.id}`, day: dayNumber(round.date),
        label, full: `${known.party(position.partyId)} position, ${label}`, shape: "square", className: `position kind-${position.kind}`,
      });
    }
    for (const statement of round.statements ?? []) {
      const speaker = statement.speakerPersonId ? known.person(statement.speakerPersonId) : statement.speakerBody ?? known.party(statement.speakerPartyId);
      const label = `“${statement.quote}” — ${speaker}`;
      party(statement.speakerPartyId).marks.push({
        type: "statement", id: statement.id, route: `/statements/${statement.id}`, day: dayNumber(statement.saidOn ?? round.date),
        label, full: `Statement (${statement.wording}): ${label}`, shape: "triangle", className: "statement",
      });
    }
    for (const agreement of round.agreements ?? []) agreements.marks.push(agreementMark(agreement, round));
  }
  return [roundLane, ...parties.values(), agreements].filter((lane) => lane.marks.length > 0);
}

/** @param {Schemas["AgreementResponse"]} agreement @param {Schemas["RoundResponse"]} round @returns {Mark} */
function agreementMark(agreement, round) {
  const events = [...agreement.events].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
  const finished = agreement.status === "implemented" || agreement.status === "collapsed";
  const lastEvent = events.at(-1)?.occurredOn ?? agreement.implementationDate;
  const when = agreement.implementationDatePrecision === "confidential" ? "implementation date confidential" : agreement.implementationDate ? `implementation ${agreement.implementationDate}` : "";
  const label = `${agreement.title} · ${words(agreement.status)}${when ? ` · ${when}` : ""}`;
  return {
    type: "agreement", id: agreement.id, route: `/agreements/${agreement.id}`, day: dayNumber(agreement.agreedOn ?? round.date),
    ...(finished && lastEvent ? { endDay: dayNumber(lastEvent) } : {}),
    label, full: `Agreement: ${label}; ${events.length} implementation event${events.length === 1 ? "" : "s"}`,
    shape: "bar", className: `agreement status-${agreement.status}`,
    events: events.map((e) => ({ day: dayNumber(e.occurredOn), label: `${e.occurredOn}: ${e.description}${e.statusAfter ? ` (now ${words(e.statusAfter)})` : ""}` })),
  };
}

/**
 * Draws the lanes at a zoom. Marks on the same day stack in rows; a label never runs into the next mark.
 * @param {Lane[]} allLanes
 * @param {Zoom} zoom
 */
export function drawTimeline(allLanes, zoom) {
  const settings = ZOOMS[zoom];
  const days = allLanes.flatMap((lane) => lane.marks.flatMap((m) => [m.day, ...(m.endDay ? [m.endDay] : []), ...(m.events ?? []).map((e) => e.day)]));
  const scale = dateScale(days, { ...settings, left: LEFT });
  const body = s("g", { class: "lanes" });
  let y = AXIS + 8;
  let right = scale.width;
  for (const lane of allLanes) {
    const group = s("g", { class: `lane lane-${lane.key}`, role: "list", "aria-label": lane.title });
    // Titled where its marks start, so the title is in sight wherever the frame is scrolled to.
    const firstX = Math.min(...lane.marks.map((m) => scale.at(m.day)));
    group.append(s("text", { class: "lane-title", x: Math.max(LEFT, firstX - 8), y: y + 16 }, lane.title));
    /** @type {number[]} */
    const rowEnds = [];
    // Agreements carry their label above the bar, so their lane leaves room under its title.
    const head = lane.key === "agreements" ? LANE_HEAD + 10 : LANE_HEAD;
    for (const mark of [...lane.marks].sort((a, b) => a.day - b.day)) {
      const x = scale.at(mark.day);
      const room = mark.shape === "bar" ? LABEL_CHARS * 1.5 : LABEL_CHARS;
      const text = mark.label.length > room ? `${mark.label.slice(0, room - 1)}…` : mark.label;
      const barEnd = mark.shape === "bar" ? (mark.endDay ? scale.at(mark.endDay) : scale.width) : x;
      const extent = Math.max(barEnd, x + 14 + text.length * CHAR_WIDTH);
      let row = mark.shape === "bar" ? rowEnds.length : rowEnds.findIndex((end) => end < x - 10);
      if (row < 0) row = rowEnds.length;
      rowEnds[row] = extent;
      right = Math.max(right, extent + 16);
      group.append(drawMark(mark, x, barEnd, y + head + row * ROW + ROW / 2, text, scale));
    }
    y += head + rowEnds.length * ROW + 10;
    group.prepend(s("line", { class: "lane-rule", x1: 0, x2: right, y1: y - 4, y2: y - 4 }));
    body.append(group);
  }
  const svg = s("svg", {
    class: "timeline", width: Math.ceil(right), height: y + 4, viewBox: `0 0 ${Math.ceil(right)} ${y + 4}`,
    role: "group", "aria-label": `Timeline at a scale of ${zoom}`, "data-zoom": zoom,
  });
  svg.append(axis(scale, settings.unit, y, right), body);
  return { svg, scale };
}

/** @param {import("./scale.js").DateScale} scale @param {"year" | "month" | "day"} unit @param {number} height @param {number} width */
function axis(scale, unit, height, width) {
  const group = s("g", { class: "axis", "aria-hidden": "true" });
  group.append(s("line", { x1: LEFT, x2: width, y1: AXIS, y2: AXIS }));
  let lastLabelEnd = -Infinity;
  for (const tick of ticks(scale, unit)) {
    group.append(s("line", { class: "tick", x1: tick.x, x2: tick.x, y1: AXIS - 6, y2: height }));
    if (tick.x > lastLabelEnd) {
      group.append(s("text", { x: tick.x + 3, y: AXIS - 10 }, tick.label));
      lastLabelEnd = tick.x + tick.label.length * CHAR_WIDTH + 8;
    }
  }
  for (const gap of scale.breaks) {
    const years = ((gap.to - gap.from) / 365.25).toFixed(1);
    const middle = (gap.x0 + gap.x1) / 2;
    group.append(
      s("path", { class: "break", d: `M${middle - 6},${AXIS + 6} l6,-12 M${middle},${AXIS + 6} l6,-12` }),
      s("text", { class: "break-label", x: middle, y: AXIS + 20, "text-anchor": "middle" }, `${years} y`),
    );
  }
  return group;
}

/**
 * @param {Mark} mark @param {number} x @param {number} barEnd @param {number} y @param {string} text
 * @param {import("./scale.js").DateScale} scale
 */
function drawMark(mark, x, barEnd, y, text, scale) {
  const anchor = s("a", {
    href: `#${mark.route}`, class: `mark ${mark.className}`, "data-type": mark.type, "data-id": mark.id,
    // Named by what it shows, described by all of it: a name that differed from the visible label would confuse
    // those who speak the label to select the link.
    "data-x": x.toFixed(1), "aria-label": text,
  });
  const item = s("g", { role: "listitem" }, anchor);
  anchor.append(s("title", {}, mark.full), shape(mark.shape, x, y));
  if (mark.shape === "bar") {
    anchor.append(s("rect", { class: "bar", x, y: y - 3, width: Math.max(barEnd - x, 6), height: 6, rx: 3 }));
    for (const event of mark.events ?? []) {
      const ex = scale.at(event.day);
      anchor.append(s("path", { class: "event", d: `M${ex},${y - 7} l6,7 l-6,7 l-6,-7 z` }, s("title", {}, event.label)));
    }
    anchor.append(s("text", { x: x + 2, y: y - 8, class: "label" }, text));
    return item;
  }
  anchor.append(s("text", { x: x + 12, y: y + 4, class: "label" }, text));
  return item;
}

/** Shapes say what a mark is and, for rounds, its status, so colour is never the only signal. */
function shape(/** @type {string} */ kind, /** @type {number} */ x, /** @type {number} */ y) {
  switch (kind) {
    case "held": return s("circle", { class: "shape", cx: x, cy: y, r: 7 });
    case "scheduled": return s("circle", { class: "shape hollow", cx: x, cy: y, r: 7 });
    case "postponed": return s("path", { class: "shape hollow", d: `M${x},${y - 8} l8,8 l-8,8 l-8,-8 z` });
    case "cancelled": return s("path", { class: "shape cross", d: `M${x - 6},${y - 6} l12,12 M${x + 6},${y - 6} l-12,12` });
    case "square": return s("rect", { class: "shape", x: x - 5, y: y - 5, width: 10, height: 10 });
    case "triangle": return s("path", { class: "shape", d: `M${x - 6},${y + 5} l6,-11 l6,11 z` });
    default: return s("circle", { class: "shape start", cx: x, cy: y, r: 4 });
  }
}
