// Builds DOM from data without ever parsing data as HTML: text goes in as text nodes.

/** @typedef {Node | string | null | undefined | false} Leaf */
/** @typedef {Leaf | Leaf[]} Child */

/**
 * An element with attributes and children; strings become text nodes.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attributes]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  element.append(...children.flat().filter(present));
  return element;
}

const SVG = "http://www.w3.org/2000/svg";

/**
 * An SVG element, as h does for HTML.
 * @param {string} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attributes]
 * @param {...Child} children
 * @returns {SVGElement}
 */
export function s(tag, attributes = {}, ...children) {
  const element = /** @type {SVGElement} */ (document.createElementNS(SVG, tag));
  setAttributes(element, attributes);
  element.append(...children.flat().filter(present));
  return element;
}

/** @param {Element} element @param {Record<string, string | number | boolean | null | undefined>} attributes */
function setAttributes(element, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
}

/**
 * @template T
 * @param {T | null | undefined | false} value
 * @returns {value is T}
 */
function present(value) {
  return value !== null && value !== undefined && value !== false;
}

/** Kebab-case API words as readers say them: "in-implementation" → "in implementation". */
export const words = (/** @type {string} */ value) => value.replaceAll("-", " ");

/** @typedef {"day" | "month" | "year"} Precision */

/** A date said to the day, the month or the year: a round known only to the month is not said as its 1st. */
const FORMATS = {
  day: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  month: new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }),
  year: new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: "UTC" }),
};

const utc = (/** @type {string} */ date) => new Date(`${date.slice(0, 10)}T00:00:00Z`);

/**
 * "16 May 2025", or as much of it as is known: "May 2025", "2025".
 * @param {string | null | undefined} date an ISO date, e.g. 2025-05-16
 * @param {Precision} [precision]
 */
export function day(date, precision = "day") {
  return date ? FORMATS[precision].format(utc(date)) : "date not known";
}

/**
 * A round's dates as a person writes them: "16 May 2025", "26 March – 2 April 2015", "May 2025".
 * @param {{ date: string, datePrecision: Precision, endDate?: string | null, endDatePrecision?: Precision | null }} round
 */
export function dates({ date, datePrecision, endDate, endDatePrecision }) {
  const end = endDatePrecision ?? "day";
  if (!endDate) return day(date, datePrecision);
  return end === datePrecision ? FORMATS[end].formatRange(utc(date), utc(endDate)) : `${day(date, datePrecision)} – ${day(endDate, end)}`;
}

/** A date element: machine-readable, and read as a person would write it. */
export function when(/** @type {string | null | undefined} */ date) {
  return date ? h("time", { datetime: date.slice(0, 10) }, day(date)) : h("span", {}, "date not known");
}

/** A link inside the page. */
export function link(/** @type {string} */ route, /** @type {(Node | string)[]} */ ...children) {
  return h("a", { href: `#${route}` }, ...children);
}

/** A labelled badge: the label carries the meaning, the class only colours it. */
export function badge(/** @type {string} */ kind, /** @type {string} */ value, label = words(value)) {
  return h("span", { class: `badge ${kind}-${value}` }, label);
}

/** A section with a heading. */
export function section(/** @type {string} */ title, /** @type {Child[]} */ ...children) {
  return h("section", {}, h("h2", {}, title), ...children);
}
