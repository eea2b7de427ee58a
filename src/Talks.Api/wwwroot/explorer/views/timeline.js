// The talk's timeline as SVG: rounds on a date axis, each party's positions and statements in a lane under them,
// agreements as bars from agreed to implemented or collapsed with their implementation events. Every mark is a link.
// A round of several days is drawn across them; one known only to its month or year, across that month or year, its
// mark in the middle: never on a 1st the record does not claim.
// It opens on the whole talk, to scale, in the width it has; the fixed zooms may be wider and scroll in their frame,
// with the lane titles drawn apart so they stay in sight (see talk.js). No label runs past the drawing's edges: one
// that would is drawn on the other side of its mark, or shortened.
import { dates, day, s, words } from "../dom.js";
import { dateScale, dayLabel, dayNumber, lastDay, ticks, yearOf } from "./scale.js";

/** @typedef {import("../api.js").Schemas} Schemas */
/** @typedef {"whole" | "years" | "months" | "days"} Zoom */
/** @typedef {{ pixelsPerDay: number, maxGap: number, padDays: number, unit: "year" | "month" | "day" }} Settings */

/**
 * How wide a day is at each zoom, how wide an empty stretch may be before it becomes a break, the tick unit. The
 * whole talk has no settings of its own: they are worked out from the width (fitted).
 */
export const ZOOMS = /** @type {const} */ ({
  whole: { label: "Whole talk" },
  years: { label: "Years", pixelsPerDay: 0.9, maxGap: Infinity, padDays: 60, unit: "year" },
  months: { label: "Months", pixelsPerDay: 8, maxGap: 120, padDays: 45, unit: "month" },
  days: { label: "Days", pixelsPerDay: 90, maxGap: 120, padDays: 3, unit: "day" },
});

const LEFT = 16;
const RIGHT = 16;
const EDGE = 4;
const AXIS = 34;
const ROW = 24;
const LANE_HEAD = 24;
/** Room around the first and last day of the whole talk, for the marks drawn there. */
const PAD = 24;
/** The longest label, about 60 characters: the rest is on the mark's page and in its tooltip. */
const LABEL_WIDTH = 400;

/**
 * A mark at a day; with endDay, drawn as a span from its start (its day unless said) to endDay. A vague span is a
 * stretch the date lies somewhere in, not one it lasted.
 * @typedef {{ type: string, id: string, route: string, day: number, start?: number, endDay?: number, vague?: boolean,
 *   label: string, full: string, shape: string, className: string, events?: { day: number, label: string }[] }} Mark
 * @typedef {{ key: string, title: string, marks: Mark[] }} Lane
 */

/**
 * @param {Schemas["RoundResponse"][]} rounds with positions, statements and agreements
 * @param {import("../api.js").Names} known
 * @param {Map<string, string>} [statusThen] each agreement's status on its own date, by id (from the talk's timeline)
 * @returns {Lane[]}
 */
export function lanes(rounds, known, statusThen = new Map()) {
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
    const plain = !round.endDate && round.datePrecision === "day";
    const label = `Round ${round.sequence} · ${place || "place not known"} · ${words(round.status)}${plain ? "" : ` · ${dates(round)}`}`;
    const start = dayNumber(round.date);
    const vague = round.datePrecision !== "day" || (round.endDatePrecision ?? "day") !== "day";
    const endDay = round.endDate ? lastDay(round.endDate, round.endDatePrecision ?? "day") : vague ? lastDay(round.date, round.datePrecision) : undefined;
    // What happened at a round is drawn where its mark is.
    const at = vague && endDay ? Math.floor((start + endDay) / 2) : start;
    roundLane.marks.push({
      type: "round", id: round.id, route: `/rounds/${round.id}`, day: at, start, endDay, vague, label, full: plain ? `${label}, ${day(round.date)}` : label,
      shape: round.status, className: `round status-${round.status}`,
    });
    for (const participant of round.participants.filter((p) => p.role === "negotiating-party")) party(participant.partyId);
    for (const position of round.positions ?? []) {
      const label = `${words(position.kind)} · ${known.topic(position.topic)}: ${position.summary}`;
      party(position.partyId).marks.push({
        type: "position", id: position.id, route: `/positions/${position.id}`, day: at,
        label, full: `${known.party(position.partyId)} position, ${label}`, shape: "square", className: `position kind-${position.kind}`,
      });
    }
    for (const statement of round.statements ?? []) {
      const speaker = statement.speakerPersonId ? known.person(statement.speakerPersonId) : statement.speakerBody ?? known.party(statement.speakerPartyId);
      const label = `“${statement.quote}” — ${speaker}`;
      party(statement.speakerPartyId).marks.push({
        type: "statement", id: statement.id, route: `/statements/${statement.id}`, day: statement.saidOn ? dayNumber(statement.saidOn) : at,
        label, full: `Statement (${statement.wording}): ${label}`, shape: "triangle", className: "statement",
      });
    }
    for (const agreement of round.agreements ?? []) agreements.marks.push(agreementMark(agreement, at, statusThen.get(agreement.id) ?? agreement.status));
  }
  return [roundLane, ...parties.values(), agreements].filter((lane) => lane.marks.length > 0);
}

/**
 * An agreement from the day it was agreed, labelled with the status it had then, and today's where it has moved on.
 * @param {Schemas["AgreementResponse"]} agreement @param {number} roundDay @param {string} then @returns {Mark}
 */
function agreementMark(agreement, roundDay, then) {
  const events = [...agreement.events].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
  const finished = agreement.status === "implemented" || agreement.status === "collapsed";
  const lastEvent = events.at(-1)?.occurredOn ?? agreement.implementationDate;
  const when = agreement.implementationDatePrecision === "confidential" ? "implementation date confidential" : agreement.implementationDate ? `implementation ${day(agreement.implementationDate)}` : "";
  const status = then === agreement.status ? words(then) : `${words(then)} (now ${words(agreement.status)})`;
  const label = `${agreement.title} · ${status}${when ? ` · ${when}` : ""}`;
  return {
    type: "agreement", id: agreement.id, route: `/agreements/${agreement.id}`, day: agreement.agreedOn ? dayNumber(agreement.agreedOn) : roundDay,
    ...(finished && lastEvent ? { endDay: dayNumber(lastEvent) } : {}),
    label, full: `Agreement: ${label}; ${events.length} implementation event${events.length === 1 ? "" : "s"}`,
    shape: "bar", className: `agreement status-${then}`,
    events: events.map((e) => ({ day: dayNumber(e.occurredOn), label: `${day(e.occurredOn)}: ${e.description}${e.statusAfter ? ` (now ${words(e.statusAfter)})` : ""}` })),
  };
}

/**
 * The whole talk to scale in the width: no breaks, so the quiet years read as long as they were; a talk of a few
 * days is drawn no larger than the days zoom.
 * @param {number[]} days @param {number} width
 * @returns {Settings}
 */
function fitted(days, width) {
  const span = Math.max(1, Math.max(...days) - Math.min(...days));
  const pixelsPerDay = Math.min(ZOOMS.days.pixelsPerDay, Math.max(0.01, (width - LEFT - RIGHT - 2 * PAD) / span));
  return { pixelsPerDay, maxGap: Infinity, padDays: PAD / pixelsPerDay, unit: pixelsPerDay >= 20 ? "day" : pixelsPerDay >= 1.5 ? "month" : "year" };
}

/**
 * Draws the lanes at a zoom, in a frame of the given width. Marks on the same day stack in rows; a label never
 * runs into the next mark or past the drawing's edges. Returns the drawing and, apart, its lane titles.
 * @param {Lane[]} allLanes
 * @param {Zoom} zoom
 * @param {number} width the frame's inner width
 */
export function drawTimeline(allLanes, zoom, width) {
  // Every day of a round of several days is drawn to scale, so no break shortens it.
  const spanned = (/** @type {Mark} */ m) => (m.endDay && m.type === "round" && !m.vague ? Array.from({ length: m.endDay - m.day }, (_, i) => m.day + i) : []);
  const days = allLanes.flatMap((lane) =>
    lane.marks.flatMap((m) => [m.day, ...(m.start ? [m.start] : []), ...(m.endDay ? [m.endDay] : []), ...spanned(m), ...(m.events ?? []).map((e) => e.day)]),
  );
  const zoomed = ZOOMS[zoom];
  const settings = "unit" in zoomed ? zoomed : fitted(days.length ? days : [dayNumber(new Date().toISOString())], width);
  const scale = dateScale(days, { ...settings, left: LEFT });
  const right = Math.floor(Math.max(width, scale.width + RIGHT));
  const body = s("g", { class: "lanes" });
  const titles = s("g", { class: "titles" });
  let y = AXIS + 8;
  for (const lane of allLanes) {
    const group = s("g", { class: `lane lane-${lane.key}`, role: "list", "aria-label": lane.title });
    // Drawn in the lane's head, where no mark is: once in the drawing, for paper, and once in the titles that stay
    // at the frame's left edge on screen.
    group.append(s("text", { class: "lane-title lane-title-print", x: LEFT, y: y + 16 }, lane.title));
    const titleWidth = measure(lane.title, "bold 13px");
    titles.append(s("rect", { x: 4, y: y + 2, width: titleWidth + 12, height: 20, rx: 3 }), s("text", { class: "lane-title", x: 10, y: y + 16 }, lane.title));
    /** @type {number[]} */
    const rowEnds = [];
    // Agreements carry their label above the bar, so their lane leaves room under its title.
    const head = lane.key === "agreements" ? LANE_HEAD + 10 : LANE_HEAD;
    for (const mark of [...lane.marks].sort((a, b) => a.day - b.day)) {
      const x = scale.at(mark.day);
      const barEnd = mark.endDay ? scale.at(mark.endDay) : mark.shape === "bar" ? scale.width : x;
      const label = place(mark, x, barEnd, right, scale.at(mark.start ?? mark.day));
      let row = mark.shape === "bar" ? rowEnds.length : rowEnds.findIndex((end) => end < label.from - 10);
      if (row < 0) row = rowEnds.length;
      rowEnds[row] = label.to;
      group.append(drawMark(mark, x, barEnd, y + head + row * ROW + ROW / 2, label, scale));
    }
    y += head + rowEnds.length * ROW + 10;
    group.prepend(s("line", { class: "lane-rule", x1: 0, x2: right, y1: y - 4, y2: y - 4 }));
    body.append(group);
  }
  const svg = s("svg", {
    class: "timeline", width: right, height: y + 4, viewBox: `0 0 ${right} ${y + 4}`,
    role: "group", "aria-label": `Timeline at a scale of ${zoom === "whole" ? "the whole talk" : zoom}`, "data-zoom": zoom,
  });
  svg.append(axis(scale, settings.unit, y, right), body);
  const titleWidth = Math.ceil(Math.max(0, ...allLanes.map((lane) => measure(lane.title, "bold 13px"))) + 20);
  const laneTitles = s("svg", { width: titleWidth, height: y + 4, "aria-hidden": "true" }, titles);
  return { svg, titles: laneTitles, scale };
}

/**
 * Where a mark's label goes: after the mark (and its span) where it fits, else on the side with more room, shortened
 * to it. Bars carry their label above, from their start, moved left where the drawing ends first.
 * @param {Mark} mark @param {number} x @param {number} barEnd @param {number} right the drawing's width
 * @param {number} start where the mark's span starts; x for a mark without one
 * @returns {{ text: string, x: number, anchor: "start" | "end", from: number, to: number }}
 */
function place(mark, x, barEnd, right, start) {
  const full = measure(mark.label);
  if (mark.shape === "bar") {
    const text = shorten(mark.label, Math.min(LABEL_WIDTH * 1.5, right - 2 * EDGE));
    const at = Math.max(EDGE, Math.min(x + 2, right - EDGE - measure(text)));
    return { text, x: at, anchor: "start", from: Math.min(x, at), to: Math.max(barEnd, at + measure(text)) };
  }
  const after = right - EDGE - (barEnd + 12);
  const before = start - 12 - EDGE;
  if (full > after && before > after) {
    const text = shorten(mark.label, Math.min(LABEL_WIDTH, before));
    return { text, x: start - 12, anchor: "end", from: start - 12 - measure(text), to: barEnd + 8 };
  }
  const text = shorten(mark.label, Math.min(LABEL_WIDTH, after));
  return { text, x: barEnd + 12, anchor: "start", from: start - 8, to: barEnd + 12 + measure(text) };
}

/** The label, cut with "…" to fit the room (in pixels). @param {string} label @param {number} room */
function shorten(label, room) {
  if (measure(label) <= room) return label;
  let length = Math.min(label.length, Math.floor(room / 4));
  while (length > 1 && measure(`${label.slice(0, length)}…`) > room) length--;
  return `${label.slice(0, length).trimEnd()}…`;
}

/** @type {CanvasRenderingContext2D | null | undefined} */
let context;
let family = "";

/** How wide a text is drawn, by the page's own font: labels are placed and cut by what the reader sees. */
function measure(/** @type {string} */ text, font = "12px") {
  if (context === undefined) {
    context = document.createElement("canvas").getContext("2d");
    family = getComputedStyle(document.documentElement).fontFamily;
  }
  if (!context) return text.length * 6.6;
  context.font = `${font} ${family}`;
  return context.measureText(text).width;
}

/** @param {import("./scale.js").DateScale} scale @param {"year" | "month" | "day"} unit @param {number} height @param {number} width */
function axis(scale, unit, height, width) {
  const group = s("g", { class: "axis", "aria-hidden": "true" });
  group.append(s("line", { x1: LEFT, x2: width, y1: AXIS, y2: AXIS }));
  const all = ticks(scale, unit);
  // Where the first tick is far from the start, the start is named too, so the axis never opens unlabelled.
  const start = Math.ceil(scale.start);
  const named = (all[0]?.x ?? Infinity) > LEFT + 60 ? [{ x: LEFT, day: start, label: dayLabel(start, unit), first: true }, ...all] : all;
  let lastLabelEnd = -Infinity;
  let year = 0;
  for (const tick of named) {
    if (!("first" in tick)) group.append(s("line", { class: "tick", x1: tick.x, x2: tick.x, y1: AXIS - 6, y2: height }));
    // Days carry their year where it changes: the first label, and after a break of years.
    const label = unit === "day" && yearOf(tick.day) !== year ? `${tick.label} ${yearOf(tick.day)}` : tick.label;
    const end = tick.x + 3 + measure(label);
    if (tick.x > lastLabelEnd && end <= width - EDGE) {
      group.append(s("text", { x: tick.x + 3, y: AXIS - 10 }, label));
      lastLabelEnd = end + 8;
      year = yearOf(tick.day);
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
 * @param {Mark} mark @param {number} x @param {number} barEnd @param {number} y
 * @param {ReturnType<typeof place>} label @param {import("./scale.js").DateScale} scale
 */
function drawMark(mark, x, barEnd, y, label, scale) {
  const anchor = s("a", {
    href: `#${mark.route}`, class: `mark ${mark.className}`, "data-type": mark.type, "data-id": mark.id,
    // Named by what it shows, described by all of it: a name that differed from the visible label would confuse
    // those who speak the label to select the link.
    "data-x": x.toFixed(1), "aria-label": label.text,
  });
  const item = s("g", { role: "listitem" }, anchor);
  anchor.append(s("title", {}, mark.full));
  if (mark.shape !== "bar" && mark.endDay) {
    const start = scale.at(mark.start ?? mark.day);
    anchor.setAttribute("data-span", `${start.toFixed(1)} ${barEnd.toFixed(1)}`);
    anchor.append(s("rect", { class: mark.vague ? "span vague" : "span", x: start, y: y - 3, width: Math.max(barEnd - start, 2), height: 6, rx: 3 }));
  }
  anchor.append(shape(mark.shape, x, y));
  if (mark.shape === "bar") {
    anchor.append(s("rect", { class: "bar", x, y: y - 3, width: Math.max(barEnd - x, 6), height: 6, rx: 3 }));
    for (const event of mark.events ?? []) {
      const ex = scale.at(event.day);
      anchor.append(s("path", { class: "event", d: `M${ex},${y - 7} l6,7 l-6,7 l-6,-7 z` }, s("title", {}, event.label)));
    }
    anchor.append(s("text", { x: label.x, y: y - 8, class: "label" }, label.text));
    return item;
  }
  anchor.append(s("text", { x: label.x, y: y + 4, class: "label", "text-anchor": label.anchor === "end" ? "end" : null }, label.text));
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
