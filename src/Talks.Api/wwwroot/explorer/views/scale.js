// A date axis that can skip long empty stretches: talks go quiet for years, and at a scale of days the quiet would
// be metres wide. A gap wider than the zoom allows is drawn at a fixed width and marked as a break.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date. */
export const dayNumber = (/** @type {string} */ iso) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);

/** The last day a date known only to its month or year may be: 2025-05-01 to the month is 2025-05-31. */
export function lastDay(/** @type {string} */ iso, /** @type {"day" | "month" | "year"} */ precision) {
  const [year = 0, month = 1] = iso.split("-").map(Number);
  return precision === "day" ? dayNumber(iso) : Date.UTC(year, precision === "year" ? 12 : month, 0) / DAY_MS;
}

/** @typedef {{ from: number, to: number, x0: number, x1: number, broken: boolean }} Segment */

/**
 * Each day with something on it is drawn to scale with padDays either side; a stretch between such neighbourhoods
 * that would be wider than maxGap is drawn maxGap wide instead.
 * @param {number[]} days the days that carry something, in any order
 * @param {{ pixelsPerDay: number, maxGap: number, padDays: number, left: number }} zoom
 */
export function dateScale(days, { pixelsPerDay, maxGap, padDays, left }) {
  const distinct = [...new Set(days)].sort((a, b) => a - b);
  if (distinct.length === 0) distinct.push(dayNumber(new Date().toISOString()));
  /** @type {[number, number][]} */
  const near = [];
  for (const day of distinct) {
    const last = near.at(-1);
    if (last && day - padDays <= last[1]) last[1] = day + padDays;
    else near.push([day - padDays, day + padDays]);
  }
  /** @type {Segment[]} */
  const segments = [];
  let x = left;
  near.forEach(([from, to], i) => {
    const previous = near[i - 1];
    if (previous) {
      const width = (from - previous[1]) * pixelsPerDay;
      const broken = width > maxGap;
      segments.push({ from: previous[1], to: from, x0: x, x1: x + (broken ? maxGap : width), broken });
      x += broken ? maxGap : width;
    }
    segments.push({ from, to, x0: x, x1: x + (to - from) * pixelsPerDay, broken: false });
    x += (to - from) * pixelsPerDay;
  });
  const anchors = near.flat();
  const start = /** @type {number} */ (anchors[0]);
  const end = /** @type {number} */ (anchors.at(-1));

  /** The x of a day; days in a broken gap fall in its fixed width, in proportion. */
  function at(/** @type {number} */ day) {
    const segment = segments.find((s) => day >= s.from && day <= s.to);
    if (!segment) return day < start ? left : x;
    return segment.x0 + ((day - segment.from) / (segment.to - segment.from)) * (segment.x1 - segment.x0);
  }

  /** Whether a day is drawn to scale (not inside a break), so a tick there tells the truth. */
  function toScale(/** @type {number} */ day) {
    return segments.some((s) => !s.broken && day >= s.from && day <= s.to);
  }

  return { at, toScale, start, end, width: x, breaks: segments.filter((s) => s.broken) };
}

/** @typedef {ReturnType<typeof dateScale>} DateScale */

const tickFormats = {
  year: new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: "UTC" }),
  month: new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" }),
  day: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }),
};

/** A day as an axis names it at a unit: "2025", "May 2025", "16 May". */
export const dayLabel = (/** @type {number} */ day, /** @type {"year" | "month" | "day"} */ unit) => tickFormats[unit].format(day * DAY_MS);

/** The year of a day, for the axis to say where a scale of days crosses into another. */
export const yearOf = (/** @type {number} */ day) => new Date(day * DAY_MS).getUTCFullYear();

/**
 * The first day of each year, month or day in the scale's range that is drawn to scale, with its label.
 * @param {DateScale} scale
 * @param {"year" | "month" | "day"} unit
 */
export function ticks(scale, unit) {
  /** @type {{ x: number, day: number, label: string }[]} */
  const found = [];
  const cursor = new Date(scale.start * DAY_MS);
  cursor.setUTCDate(1);
  if (unit === "year") cursor.setUTCMonth(0);
  if (unit === "day") cursor.setTime(scale.start * DAY_MS);
  while (cursor.getTime() <= scale.end * DAY_MS && found.length < 5000) {
    const day = Math.floor(cursor.getTime() / DAY_MS);
    if (day >= scale.start && scale.toScale(day)) found.push({ x: scale.at(day), day, label: tickFormats[unit].format(cursor) });
    if (unit === "year") cursor.setUTCFullYear(cursor.getUTCFullYear() + 1);
    else if (unit === "month") cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    else cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return found;
}
