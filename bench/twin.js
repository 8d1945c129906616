// <twin-reel>: newsreel written in plain JavaScript, for the benchmark only.
//
// It reads the same formats (our own, JSON Feed, schema.org JSON-LD) with the
// same rules as crates/newsreel-core, and builds the same shadow DOM as crates/newsreel/src/render.rs
// (elements, attributes, parts, classes, the marquee copy list), sanitising
// article HTML the same way (inert DOMParser, allowlist rebuild with
// createElement/setAttribute), with the same stylesheet adopted. It is what a
// careful JavaScript author would write for the same job, so `make bench`
// can tell what the Rust/WebAssembly build costs or saves. What the benchmark
// never exercises (history entries, newer host attributes) is kept simple or
// left out; tests/e2e/twin.test.mjs checks that the rendering stays the same.
//
// Not loadable as it is: bench/build-twin.mjs bundles it with esbuild, which
// turns the stylesheet import into its text (read from crates/newsreel-core/src/view/styles.css at
// build time, so the twin never carries a copy of its own).
import STYLES from "../crates/newsreel-core/src/view/styles.css";

// ---------------------------------------------------------------- limits

const MAX_INPUT_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_ITEMS = 50;
const MAX_VALUES = 64;
const MADE_HEADLINE_CHARS = 100;
const DEFAULT_SPEED_PX_PER_S = 60;
const DEFAULT_INTERVAL_MS = 5000;
const HASH_PREFIX = "news-reel/";

// ---------------------------------------------------------------- JSON values

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const has = (v, key) => isObject(v) && Object.prototype.hasOwnProperty.call(v, key);
const get = (v, key) => (has(v, key) ? v[key] : undefined);

function kind(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  switch (typeof v) {
    case "boolean": return "a boolean";
    case "number": return "a number";
    case "string": return "a string";
    default: return "an object";
  }
}

// ---------------------------------------------------------------- text

const NAMED = new Map(Object.entries({
  amp: "&", colon: ":", Tab: "\t", NewLine: "\n", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0",
  ndash: "–", mdash: "—", hellip: "…", lsquo: "‘", rsquo: "’", sbquo: "‚", ldquo: "“", rdquo: "”", bdquo: "„",
  laquo: "«", raquo: "»", middot: "·", bull: "•", copy: "©", reg: "®", trade: "™", euro: "€", pound: "£",
  yen: "¥", cent: "¢", deg: "°", times: "×", shy: "\u00ad", eacute: "é", egrave: "è", aacute: "á", agrave: "à",
  iacute: "í", oacute: "ó", uacute: "ú", ntilde: "ñ", ccedil: "ç", auml: "ä", ouml: "ö", uuml: "ü", szlig: "ß",
}));

/** One reference at `at` (a '&'): [text, length] or null to leave it as written. */
function entityAt(s, at) {
  const semi = s.indexOf(";", at);
  if (semi < 0 || semi - at > 11) return null;
  const name = s.slice(at + 1, semi);
  if (name[0] === "#") {
    const hex = name[1] === "x" || name[1] === "X";
    const digits = name.slice(hex ? 2 : 1);
    if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return null;
    const code = parseInt(digits, hex ? 16 : 10);
    if (code > 0xffffffff) return null;
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return [valid ? String.fromCodePoint(code) : "\ufffd", semi + 1 - at];
  }
  const c = NAMED.get(name);
  return c === undefined ? null : [c, semi + 1 - at];
}

export function decodeEntities(s) {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    out += s.slice(from, amp);
    const found = entityAt(s, amp);
    if (found) {
      out += found[0];
      from = amp + found[1];
    } else {
      out += "&";
      from = amp + 1;
    }
    amp = s.indexOf("&", from);
  }
  return out + s.slice(from);
}

// Unicode White_Space, as Rust's split_whitespace reads it.
const SPACE_RUN = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
const EDGE_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

const trimSpace = (s) => s.replace(EDGE_SPACE, "");
const collapseSpace = (s) => trimSpace(s).replace(SPACE_RUN, " ");
export const cleanLine = (s) => collapseSpace(decodeEntities(s));

function paragraphs(s) {
  const lines = trimSpace(s.replace(/\r\n?/g, "\n")).split("\n");
  const hasBlankLine = lines.some((l) => trimSpace(l) === "");
  const out = [];
  let current = "";
  for (const line of lines) {
    if (hasBlankLine && trimSpace(line) !== "") {
      current += " " + line;
      continue;
    }
    const finished = hasBlankLine ? current : line;
    if (hasBlankLine) current = "";
    out.push(cleanLine(finished));
  }
  out.push(cleanLine(current));
  return out.filter((p) => p !== "");
}

function looksLikeHtml(s) {
  const open = s.search(/<[A-Za-z/!]/);
  return open >= 0 && s.indexOf(">", open) >= 0;
}

const INLINE_TAGS = new Set([
  "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp",
  "small", "span", "strong", "sub", "sup", "time", "u", "var",
]);

function stripTags(html) {
  let out = "";
  let rest = html;
  let lt;
  while ((lt = rest.indexOf("<")) >= 0) {
    out += rest.slice(0, lt);
    const tag = rest.slice(lt);
    const gt = /^<[A-Za-z/!]/.test(tag) ? tag.indexOf(">") : -1;
    if (gt >= 0) {
      const name = /^[A-Za-z0-9]*/.exec(tag.slice(1, gt).replace(/^\/+/, ""))[0].toLowerCase();
      if (!INLINE_TAGS.has(name)) out += " ";
      rest = tag.slice(gt + 1);
    } else {
      out += "<";
      rest = tag.slice(1);
    }
  }
  return cleanLine(out + rest);
}

function excerpt(s, max) {
  const text = collapseSpace(s);
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max).join("");
  const space = cut.lastIndexOf(" ");
  const trimmed = space > max / 2 ? cut.slice(0, space) : cut;
  return trimmed.replace(/[,;:. ]+$/, "") + "…";
}

// ---------------------------------------------------------------- dates

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december"];
const DAY_MS = 86400000;

const isLeap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y, m) => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's derivation).
function daysFromCivil(y, m, d) {
  y = m <= 2 ? y - 1 : y;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z) {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const pad = (n, width) => String(n).padStart(width, "0");

export function toIso(date) {
  const days = Math.floor(date.ms / DAY_MS);
  const [y, m, d] = civilFromDays(days);
  const day = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
  if (!date.hasTime) return day;
  const secs = Math.floor((date.ms - days * DAY_MS) / 1000);
  return `${day}T${pad(Math.floor(secs / 3600), 2)}:${pad(Math.floor(secs / 60) % 60, 2)}:${pad(secs % 60, 2)}Z`;
}

function build(y, m, d, time, offsetMin) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d === 0 || d > daysInMonth(y, m)) return null;
  let ms = daysFromCivil(y, m, d) * DAY_MS;
  if (time) {
    const [h, min, s, frac] = time;
    if (h > 23 || min > 59 || s > 60) return null;
    ms += (h * 3600 + min * 60 + Math.min(s, 59)) * 1000 + frac - offsetMin * 60000;
  }
  return { ms, hasTime: Boolean(time) };
}

/** `n` ASCII digits at `at`, or -1. */
function digitsAt(s, at, n) {
  if (at + n > s.length) return -1;
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

const ZONES = { Z: 0, UTC: 0, GMT: 0, UT: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };

function parseOffset(text) {
  const t = trimSpace(text);
  const zone = ZONES[t.toUpperCase()];
  if (zone !== undefined && Object.prototype.hasOwnProperty.call(ZONES, t.toUpperCase())) return zone;
  const sign = t[0] === "+" ? 1 : t[0] === "-" ? -1 : 0;
  if (!sign) return null;
  const rest = t.slice(1).replaceAll(":", "");
  if (rest.length !== 2 && rest.length !== 4) return null;
  const h = digitsAt(rest, 0, 2);
  const m = rest.length === 4 ? digitsAt(rest, 2, 2) : 0;
  if (h < 0 || m < 0 || h > 23 || m > 59) return null;
  return sign * (h * 60 + m);
}

function parseIso(text) {
  const y = digitsAt(text, 0, 4);
  if (y < 0 || text[4] !== "-") return null;
  const m = digitsAt(text, 5, 2);
  if (m < 0 || text[7] !== "-") return null;
  const d = digitsAt(text, 8, 2);
  if (d < 0) return null;
  if (text.length === 10) return build(y, m, d, null, 0);
  if (!"Tt ".includes(text[10])) return null;
  const h = digitsAt(text, 11, 2);
  if (h < 0 || text[13] !== ":") return null;
  const min = digitsAt(text, 14, 2);
  if (min < 0) return null;
  let i = 16;
  let s = 0;
  let frac = 0;
  if (text[i] === ":") {
    s = digitsAt(text, i + 1, 2);
    if (s < 0) return null;
    i += 3;
    if (text[i] === "." || text[i] === ",") {
      const start = ++i;
      let scale = 100;
      while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) {
        frac += (text.charCodeAt(i) - 48) * scale;
        scale = Math.floor(scale / 10);
        i++;
      }
      if (i === start) return null;
    }
  }
  const offset = i === text.length ? 0 : parseOffset(text.slice(i));
  return offset === null ? null : build(y, m, d, [h, min, s, frac], offset);
}

function monthFromName(word) {
  const lower = word.toLowerCase();
  if (lower.length < 3) return 0;
  for (let i = 0; i < 12; i++) {
    if (lower === MONTHS[i] || lower === MONTH_NAMES[i] || (lower === "sept" && i === 8)) return i + 1;
  }
  return 0;
}

function number(w) {
  return w.length > 0 && w.length <= 4 && /^[0-9]+$/.test(w) ? Number(w) : -1;
}

function parseHuman(text) {
  let words = text.split(/[ ,./\t-]/).filter((w) => w !== "");
  if (words.length && /^[A-Za-z]+$/.test(words[0]) && !monthFromName(words[0])) words = words.slice(1);
  if (words.length < 3) return null;
  let y, m, d;
  if ((m = monthFromName(words[1]))) {
    [y, d] = [number(words[2]), number(words[0])];
  } else if ((m = monthFromName(words[0]))) {
    [y, d] = [number(words[2]), number(words[1])];
  } else if (words[0].length === 4) {
    [y, m, d] = [number(words[0]), number(words[1]), number(words[2])];
  } else {
    [y, m, d] = [number(words[2]), number(words[1]), number(words[0])];
  }
  if (y < 0 || m < 0 || d < 0 || y < 1000) return null;
  const rest = words.slice(3);
  if (!rest.length) return build(y, m, d, null, 0);
  const parts = rest[0].split(":");
  if (parts.length < 2 || parts.length > 3) return null;
  const [h, min, s] = [number(parts[0]), number(parts[1]), parts.length === 3 ? number(parts[2]) : 0];
  if (h < 0 || min < 0 || s < 0) return null;
  let offset = 0;
  if (rest.length === 2) {
    offset = parseOffset(text.slice(text.lastIndexOf(" ") + 1));
    if (offset === null) return null;
  } else if (rest.length > 2) {
    return null;
  }
  return build(y, m, d, [h, min, s, 0], offset);
}

export function parseDate(raw) {
  const text = trimSpace(raw);
  if (!text || text.length > 64) return null;
  return parseIso(text) ?? parseHuman(text);
}

// ---------------------------------------------------------------- URL policy

const isLink = (scheme) => scheme === "http" || scheme === "https" || scheme === "mailto";
const isImage = (scheme) => scheme === "http" || scheme === "https";
const EDGE_CONTROLS = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function checkUrl(url, allows) {
  if (!url || CONTROL.test(url)) return null;
  const headEnd = url.search(/[/?#]/);
  const head = headEnd < 0 ? url : url.slice(0, headEnd);
  const colon = url.indexOf(":");
  const candidate = colon > 0 ? url.slice(0, colon) : "";
  if (/^[A-Za-z][A-Za-z0-9+.-]*$/.test(candidate)) return allows(candidate.toLowerCase()) ? url : null;
  return head.includes(":") ? null : url;
}

/** A URL from JSON data (which may be entity-escaped), or null when it must be dropped. */
export function allowedUrl(raw, allows) {
  return checkUrl(decodeEntities(raw).replace(EDGE_CONTROLS, "").replace(/[\t\n\r]/g, ""), allows);
}

/** The same for an attribute value that the HTML parser already decoded. */
function allowedParsed(value, allows) {
  if (allowedUrl(value, allows) === null) return null;
  return checkUrl(value.replace(EDGE_CONTROLS, "").replace(/[\t\n\r]/g, ""), allows);
}

// ---------------------------------------------------------------- schema.org readers

/** Following references may lead to this much text in all (bytes, as crates/newsreel-core/src/formats/schema.rs counts). */
const MAX_FOLLOWED_BYTES = 2 * MAX_INPUT_BYTES;

/** A value's size in bytes, give or take, counted no further than `limit`. */
function weigh(value, total, limit) {
  total += 8;
  if (typeof value === "string") return total + value.length;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (total > limit) return total;
      total = weigh(item, total, limit);
    }
  } else if (isObject(value)) {
    for (const key in value) {
      if (total > limit) return total;
      total = weigh(value[key], total + key.length, limit);
    }
  }
  return total;
}

/** The nodes of a JSON-LD graph by @id (first full node wins). */
class Nodes {
  byId = new Map();
  followed = 0;

  insert(id, node) {
    if (!this.byId.has(id)) this.byId.set(id, node);
  }

  /** Follows a reference to the node it names, while the budget of followed bytes lasts. */
  resolve(value) {
    if (isObject(value)) {
      for (const k in value) if (k !== "@id" && k !== "@type") return value;
      const id = value["@id"];
      const node = typeof id === "string" ? this.byId.get(id) : undefined;
      if (node !== undefined) {
        const left = MAX_FOLLOWED_BYTES - this.followed;
        const size = weigh(node, 0, left);
        if (size <= left) {
          this.followed += size;
          return node;
        }
        this.followed = MAX_FOLLOWED_BYTES;
      }
    }
    return value;
  }
}

const NO_NODES = new Nodes();

function unwrapValue(v) {
  if (has(v, "@value")) return v["@value"];
  if (has(v, "@list")) return v["@list"];
  return v;
}

function each(value, nodes) {
  const v = unwrapValue(nodes.resolve(value));
  if (!Array.isArray(v)) return [v];
  const out = [];
  for (const item of v.slice(0, MAX_VALUES)) {
    const u = unwrapValue(nodes.resolve(item));
    if (Array.isArray(u)) for (const inner of u.slice(0, MAX_VALUES)) out.push(nodes.resolve(inner));
    else out.push(u);
  }
  return out;
}

function numberText(n) {
  return Number.isInteger(n) && Math.abs(n) < 1e15 ? String(n) : String(n);
}

function text(value, nodes) {
  for (const v of each(value, nodes)) {
    if (typeof v === "string") {
      const t = cleanLine(v);
      if (t) return t;
    } else if (typeof v === "number" && Number.isFinite(v)) {
      return numberText(v);
    }
  }
  return null;
}

function nameOf(v, nodes) {
  if (typeof v === "string") return cleanLine(v) || null;
  if (!isObject(v)) return null;
  const name = has(v, "name") ? text(v.name, nodes) : null;
  if (name) return name;
  const given = has(v, "givenName") ? text(v.givenName, nodes) : null;
  const family = has(v, "familyName") ? text(v.familyName, nodes) : null;
  return given && family ? `${given} ${family}` : given ?? family;
}

function names(value, nodes) {
  const out = [];
  for (const v of each(value, nodes)) {
    const name = nameOf(v, nodes);
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

function url(value, nodes) {
  for (const v of each(value, nodes)) {
    if (typeof v === "string") {
      const t = trimSpace(v);
      if (t) return t;
    } else if (isObject(v)) {
      const fromUrl = has(v, "url") ? url(v.url, nodes) : null;
      if (fromUrl !== null) return fromUrl;
      if (typeof v["@id"] === "string") return trimSpace(v["@id"]);
    }
  }
  return null;
}

function pixels(value) {
  const v = unwrapValue(value);
  let n;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    let t = trimSpace(v);
    while (t.endsWith("px")) t = t.slice(0, -2);
    t = trimSpace(t);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
    n = Number(t);
  } else if (isObject(v)) {
    return has(v, "value") ? pixels(v.value) : null;
  } else return null;
  return Number.isFinite(n) && n >= 1 && n <= 100000 ? Math.trunc(n) : null;
}

function image(value, nodes) {
  for (const v of each(value, nodes)) {
    if (typeof v === "string") {
      const u = trimSpace(v);
      if (u) return { url: u, alt: null, width: null, height: null };
    } else if (isObject(v)) {
      const source = has(v, "url") ? v.url : has(v, "contentUrl") ? v.contentUrl : undefined;
      const src = source === undefined ? null : url(source, nodes);
      if (!src) continue;
      let alt = null;
      for (const k of ["alt", "caption", "name"]) {
        if (has(v, k) && (alt = text(v[k], nodes))) break;
      }
      return { url: src, alt, width: has(v, "width") ? pixels(v.width) : null, height: has(v, "height") ? pixels(v.height) : null };
    }
  }
  return null;
}

function body(value, nodes) {
  const v = unwrapValue(value);
  if (typeof v === "string") return looksLikeHtml(v) ? { html: v } : { paragraphs: paragraphs(v) };
  if (Array.isArray(v)) {
    const texts = v.map(unwrapValue).filter((t) => typeof t === "string");
    if (texts.some(looksLikeHtml)) return { html: texts.map((t) => `<p>${t}</p>`).join("") };
    return { paragraphs: texts.flatMap(paragraphs) };
  }
  const t = text(v, nodes);
  return t === null ? null : { paragraphs: [t] };
}

const bodyIsEmpty = (b) => !b || (b.html !== undefined ? trimSpace(b.html) === "" : b.paragraphs.length === 0);

function date(value, nodes, field, location, warnings) {
  const raw = text(value, nodes);
  if (raw === null) {
    warnings.push(`${location}: ${field} is ${kind(unwrapValue(value))}, not a date`);
    return null;
  }
  const parsed = parseDate(raw);
  if (!parsed) warnings.push(`${location}: ${field} ${JSON.stringify(excerpt(raw, 40))} is not a date`);
  return parsed;
}

function keywords(value, nodes) {
  const out = [];
  for (const v of each(value, nodes)) {
    const item = typeof v === "string" ? v : isObject(v) ? nameOf(v, nodes) : null;
    if (item === null) continue;
    for (const word of item.split(",").map(cleanLine)) {
      if (word && !out.includes(word)) out.push(word);
    }
  }
  return out;
}

function firstOf(node, keys) {
  for (const k of keys) {
    const v = get(node, k);
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

function article(node, nodes, location, warnings) {
  if (!isObject(node)) throw new Reason(`expected an object, found ${kind(node)}`);
  const head = firstOf(node, ["headline", "name", "alternativeHeadline", "title"]);
  const headline = head === undefined ? null : text(head, nodes);
  if (!headline) throw new Reason("has no headline");
  const link = firstOf(node, ["url", "mainEntityOfPage"]);
  const articleUrl = link === undefined ? null : url(link, nodes);
  const idValue = firstOf(node, ["@id", "identifier", "id"]);
  const id = (idValue === undefined ? null : text(idValue, nodes)) ?? articleUrl ?? "";
  const dateOf = (keys) => {
    for (const k of keys) {
      const v = get(node, k);
      if (v !== undefined && v !== null) return date(v, nodes, k, location, warnings);
    }
    return null;
  };
  const published = dateOf(["datePublished", "dateCreated"]);
  const modified = dateOf(["dateModified"]);
  const summaryValue = firstOf(node, ["description", "abstract"]);
  const bodyValue = firstOf(node, ["articleBody", "text"]);
  const languageValue = firstOf(node, ["inLanguage", "language"]);
  let language = null;
  if (languageValue !== undefined) {
    const v = nodes.resolve(languageValue);
    language = text(v, nodes);
    if (language === null) {
      const n = firstOf(v, ["alternateName", "name"]);
      language = n === undefined ? null : text(n, nodes);
    }
  }
  const authorValue = firstOf(node, ["author", "creator"]);
  const imageValue = firstOf(node, ["image", "thumbnailUrl"]);
  return {
    id,
    headline,
    url: articleUrl,
    published,
    modified,
    authors: authorValue === undefined ? [] : names(authorValue, nodes),
    publisher: has(node, "publisher") ? names(node.publisher, nodes)[0] ?? null : null,
    image: imageValue === undefined ? null : image(imageValue, nodes),
    summary: summaryValue === undefined ? null : text(summaryValue, nodes),
    body: bodyValue === undefined ? null : body(bodyValue, nodes),
    language,
    tags: has(node, "keywords") ? keywords(node.keywords, nodes) : [],
  };
}

/** Why one item has no usable article; it becomes a warning. */
class Reason extends Error {}

// ---------------------------------------------------------------- our format, v1

function decodeNewsreel(root) {
  if (!isObject(root)) throw new Reason(`expected an object, found ${kind(root)}`);
  if (has(root, "format") && root.format !== "newsreel/1") {
    const shown = typeof root.format === "string" ? JSON.stringify(excerpt(root.format, 30)) : kind(root.format);
    throw new Reason(`format ${shown} is not supported; this version reads "newsreel/1"`);
  }
  const warnings = [];
  let main = null;
  if (root.article !== undefined && root.article !== null) {
    try {
      main = article(root.article, NO_NODES, "article", warnings);
    } catch (e) {
      if (!(e instanceof Reason)) throw e;
      warnings.push(`article: ${e.message}`);
    }
  }
  const latest = [];
  const list = get(root, "latest");
  if (Array.isArray(list)) {
    list.forEach((node, i) => {
      try {
        latest.push(article(node, NO_NODES, `latest[${i}]`, warnings));
      } catch (e) {
        if (!(e instanceof Reason)) throw e;
        warnings.push(`latest[${i}]: ${e.message}`);
      }
    });
  } else if (list !== undefined && list !== null) {
    warnings.push(`latest: expected an array, found ${kind(list)}`);
  }
  const title = has(root, "title") ? text(root.title, NO_NODES) : null;
  const language = has(root, "inLanguage") ? text(root.inLanguage, NO_NODES) : null;
  return [{ main, latest, title, language, warnings }, false];
}

// ---------------------------------------------------------------- JSON Feed

function against(home, link) {
  if (!home) return link;
  const scheme = home.indexOf("://");
  if (scheme < 0) return link;
  const authority = scheme + 3;
  const pathAt = home.slice(authority).search(/[/?#]/);
  const beforePath = pathAt < 0 ? home.length : authority + pathAt;
  const colon = link.indexOf(":");
  const hasScheme = colon > 0 && /^[A-Za-z0-9+.-]+$/.test(link.slice(0, colon));
  if (hasScheme || link === "") return link;
  if (link.startsWith("//")) return home.slice(0, authority - 2) + link;
  if (link.startsWith("/")) return home.slice(0, beforePath) + link;
  const queryAt = home.slice(beforePath).search(/[?#]/);
  const pathEnd = queryAt < 0 ? home.length : beforePath + queryAt;
  const lastSlash = home.slice(beforePath, pathEnd).lastIndexOf("/");
  const dirEnd = lastSlash < 0 ? beforePath : beforePath + lastSlash + 1;
  return home.slice(0, dirEnd) + (dirEnd === beforePath ? "/" : "") + link;
}

function feedAuthors(node) {
  const list = has(node, "authors") ? names(node.authors, NO_NODES) : [];
  return list.length ? list : has(node, "author") ? names(node.author, NO_NODES) : [];
}

function stringField(node, key, location, warnings) {
  const v = get(node, key);
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return trimSpace(v) ? v : null;
  warnings.push(`${location}: ${key} is ${kind(v)}, not text`);
  return null;
}

function feedItem(node, feed, location, warnings) {
  if (!isObject(node)) throw new Reason(`expected an object, found ${kind(node)}`);
  const field = (key) => {
    const v = get(node, key);
    return v === null ? undefined : v;
  };
  const html = stringField(node, "content_html", location, warnings);
  const plain = stringField(node, "content_text", location, warnings);
  const summary = field("summary") === undefined ? null : text(node.summary, NO_NODES);
  let headline = field("title") === undefined ? null : text(node.title, NO_NODES);
  if (!headline) {
    const made = summary ?? (plain !== null ? cleanLine(plain) : html !== null ? stripTags(html) : null);
    headline = made === null ? "" : excerpt(made, MADE_HEADLINE_CHARS);
    if (!headline) throw new Reason("has no title, summary or text");
  }
  const link = (key) => {
    const v = field(key);
    const u = v === undefined ? null : url(v, NO_NODES);
    return u === null ? null : against(feed.home, u);
  };
  const itemUrl = link("url") ?? link("external_url");
  const pictureValue = field("image") ?? field("banner_image");
  const picture = pictureValue === undefined ? null : image(pictureValue, NO_NODES);
  if (picture) picture.url = against(feed.home, picture.url);
  let authors = feedAuthors(node);
  if (!authors.length) authors = feed.authors.slice();
  const idValue = field("id");
  return {
    id: (idValue === undefined ? null : text(idValue, NO_NODES)) ?? itemUrl ?? "",
    headline,
    url: itemUrl,
    published: field("date_published") === undefined ? null : date(node.date_published, NO_NODES, "date_published", location, warnings),
    modified: field("date_modified") === undefined ? null : date(node.date_modified, NO_NODES, "date_modified", location, warnings),
    authors,
    publisher: null,
    image: picture,
    summary,
    body: html !== null ? { html } : plain !== null ? { paragraphs: paragraphs(plain) } : null,
    language: field("language") === undefined ? null : text(node.language, NO_NODES),
    tags: field("tags") === undefined ? [] : names(node.tags, NO_NODES),
  };
}

function decodeFeed(root) {
  if (!isObject(root)) throw new Reason(`expected an object, found ${kind(root)}`);
  const warnings = [];
  const home = typeof root.home_page_url === "string" && /^https?:\/\//.test(root.home_page_url) ? root.home_page_url : null;
  const feed = { authors: feedAuthors(root), home };
  const latest = [];
  const items = get(root, "items");
  if (Array.isArray(items)) {
    items.forEach((node, i) => {
      const location = `item ${i + 1} (items[${i}])`;
      try {
        latest.push(feedItem(node, feed, location, warnings));
      } catch (e) {
        if (!(e instanceof Reason)) throw e;
        warnings.push(`${location}: ${e.message}`);
      }
    });
  } else if (items === undefined || items === null) {
    warnings.push("items: is missing");
  } else {
    warnings.push(`items: expected an array, found ${kind(items)}`);
  }
  const title = has(root, "title") ? text(root.title, NO_NODES) : null;
  const language = has(root, "language") ? text(root.language, NO_NODES) : null;
  return [{ main: null, latest, title, language, warnings }, false];
}

// ---------------------------------------------------------------- JSON-LD

function typeNames(node) {
  const t = get(node, "@type");
  const local = (s) => trimSpace(s.split(/[/#:]/).pop());
  if (typeof t === "string") return [local(t)];
  if (Array.isArray(t)) return t.filter((x) => typeof x === "string").map(local);
  return [];
}

const OTHER_ARTICLE_TYPES = ["Report", "APIReference"];
const TYPES_SHOWN = 8;
const isArticleType = (n) => n.endsWith("Article") || n.endsWith("Posting") || OTHER_ARTICLE_TYPES.includes(n);
const isArticle = (node) => typeNames(node).some(isArticleType);
const isItemList = (node) => typeNames(node).includes("ItemList");
const idOf = (node) => (typeof get(node, "@id") === "string" ? node["@id"] : null);

function values(value) {
  const v = has(value, "@list") ? value["@list"] : value;
  return Array.isArray(v) ? v : v === null || v === undefined ? [] : [v];
}

function isReference(node) {
  if (!isObject(node) || !has(node, "@id")) return false;
  for (const k in node) if (k !== "@id" && k !== "@type") return false;
  return true;
}

const place = (block, path) => (block && path ? `${block}, ${path}` : block || path || "top level");
const child = (path, key) => (!path || path === "top level" ? key : `${path}.${key}`);

function topNodes(value, path, out) {
  if (Array.isArray(value)) value.forEach((item, i) => topNodes(item, `${path}[${i}]`, out));
  else if (isObject(value)) {
    if (has(value, "@graph")) topNodes(value["@graph"], child(path, "@graph"), out);
    out.push([value, path]);
  }
}

function indexAll(value, nodes) {
  if (Array.isArray(value)) for (const item of value) indexAll(item, nodes);
  else if (isObject(value)) {
    const id = idOf(value);
    if (id !== null && !isReference(value)) nodes.insert(id, value);
    for (const k in value) indexAll(value[k], nodes);
  }
}

class Scan {
  articles = []; // [node, location, asMainEntity], in document order; each node is met once
  lists = []; // [node, location]
  mainEntityIds = new Set();
  pageIds = new Set();
  language = null;
  typesSeen = [];

  visit(node, location, asMainEntity, nodes) {
    if (!isObject(node)) return;
    const types = typeNames(node);
    for (const t of types) if (this.typesSeen.length <= TYPES_SHOWN && !this.typesSeen.includes(t)) this.typesSeen.push(t);
    if (types.some(isArticleType)) {
      this.articles.push([node, location, asMainEntity]);
      return;
    }
    if (types.includes("ItemList")) {
      this.lists.push([node, location]);
      return;
    }
    if (types.some((t) => t.endsWith("Page")) || has(node, "mainEntity")) {
      if (idOf(node) !== null) this.pageIds.add(idOf(node));
      if (typeof get(node, "url") === "string") this.pageIds.add(node.url);
    }
    if (this.language === null && has(node, "inLanguage")) this.language = text(node.inLanguage, nodes);
    for (const key of ["mainEntity", "hasPart"]) {
      if (!has(node, key)) continue;
      const parts = values(node[key]);
      parts.forEach((part, i) => {
        const isMain = key === "mainEntity";
        if (isReference(part)) {
          if (isMain && idOf(part) !== null) this.mainEntityIds.add(idOf(part));
        } else {
          this.visit(part, child(location, parts.length > 1 ? `${key}[${i}]` : key), isMain, nodes);
        }
      });
    }
  }

  namesAPage(node, nodes) {
    if (!has(node, "mainEntityOfPage")) return false;
    const page = node.mainEntityOfPage;
    for (const p of [page, nodes.resolve(page)]) {
      for (const id of [typeof p === "string" ? p : null, idOf(p), typeof get(p, "url") === "string" ? p.url : null]) {
        if (id !== null && this.pageIds.has(id)) return true;
      }
    }
    return false;
  }
}

function position(entry) {
  const p = get(entry, "position");
  const n = typeof p === "number" ? p : typeof p === "string" && trimSpace(p) !== "" ? Number(trimSpace(p)) : NaN;
  return Number.isFinite(n) ? n : null;
}

/**
 * The article an (already resolved) itemListElement entry stands for, or null
 * when the node it reads was read already; the nodes read go into `listed`.
 */
function listEntry(entry, nodes, location, warnings, listed) {
  if (isArticle(entry)) {
    if (listed.has(entry)) return null;
    listed.add(entry);
    return article(entry, nodes, location, warnings);
  }
  if (typeof entry === "string") throw new Reason(`is only a URL (${excerpt(entry, 60)}), with no headline`);
  if (!isObject(entry)) throw new Reason(`expected an object, found ${kind(entry)}`);
  const item = get(entry, "item");
  const full = idOf(item) !== null ? nodes.byId.get(idOf(item)) ?? null : null;
  if (full !== null) {
    if (listed.has(full)) return null;
    listed.add(full);
  }
  const merged = {};
  for (const k in entry) if (k !== "@id" && k !== "@type" && k !== "item" && k !== "position") merged[k] = entry[k];
  if (typeof item === "string") merged.url = item;
  else if (isObject(item) && item !== full) Object.assign(merged, item);
  if (isObject(full)) Object.assign(merged, full);
  if (!has(merged, "url")) {
    const id = idOf(merged);
    if (id !== null && (id.startsWith("http://") || id.startsWith("https://"))) merged.url = id;
  }
  return article(merged, nodes, location, warnings);
}

function decodeJsonLd(docs) {
  const many = docs.length > 1;
  const warnings = [];
  const tops = [];
  let refused = 0;
  docs.forEach((doc, i) => {
    const block = many ? `block ${i + 1}` : "";
    if (!isObject(doc) && !Array.isArray(doc)) {
      warnings.push(`${place(block, "")}: expected an object or an array, found ${kind(doc)}`);
      refused++;
      return;
    }
    const found = [];
    topNodes(doc, "", found);
    for (const [node, path] of found) tops.push([node, place(block, path)]);
  });

  const nodes = new Nodes();
  for (const [node] of tops) {
    if (idOf(node) !== null && !isReference(node)) nodes.insert(idOf(node), node);
  }
  for (const doc of docs) indexAll(doc, nodes);

  const scan = new Scan();
  for (const [node, location] of tops) scan.visit(node, location, false, nodes);

  const latest = [];
  const listed = new Set();
  let ordered = false;
  let title = null;
  let listEntries = 0;
  for (const [list, location] of scan.lists) {
    if (title === null && has(list, "name")) title = text(list.name, nodes);
    const entries = has(list, "itemListElement") ? values(list.itemListElement) : [];
    listEntries += entries.length;
    const read = [];
    entries.forEach((raw, i) => {
      const where = child(location, `itemListElement[${i}]`);
      const entry = nodes.resolve(raw);
      try {
        const a = listEntry(entry, nodes, where, warnings, listed);
        if (a) read.push([position(entry), a]);
      } catch (e) {
        if (!(e instanceof Reason)) throw e;
        warnings.push(`${where}: ${e.message}`);
      }
    });
    if (read.some(([p]) => p !== null)) ordered = true;
    read.sort(([a], [b]) => (a !== null && b !== null ? a - b : a !== null ? -1 : b !== null ? 1 : 0));
    for (const [, a] of read) latest.push(a);
  }

  const candidates = [];
  for (const [node, location, asMainEntity] of scan.articles) {
    if (listed.has(node)) continue;
    try {
      const a = article(node, nodes, location, warnings);
      const named = asMainEntity || (idOf(node) !== null && scan.mainEntityIds.has(idOf(node)));
      candidates.push([named ? 0 : scan.namesAPage(node, nodes) ? 1 : 2, a]);
    } catch (e) {
      if (!(e instanceof Reason)) throw e;
      warnings.push(`${location}: ${e.message}`);
    }
  }
  let mainIndex = -1;
  candidates.forEach(([rank], i) => { if (mainIndex < 0 || rank < candidates[mainIndex][0]) mainIndex = i; });
  const main = mainIndex < 0 ? null : candidates.splice(mainIndex, 1)[0][1];
  for (const [, a] of candidates) latest.push(a);

  if (scan.articles.length === 0 && listEntries === 0 && refused < docs.length) {
    const shown = scan.typesSeen.slice(0, 8).join(", ");
    const types = scan.typesSeen.length ? `found ${shown}${scan.typesSeen.length > 8 ? ", …" : ""}` : "no node has an @type";
    warnings.push(`JSON-LD: no Article-type node or ItemList (${types})`);
  }
  const language = main?.language ?? scan.language;
  return [{ main, latest, title, language, warnings }, ordered];
}

// ---------------------------------------------------------------- decoding

const FORMAT_NAMES = { newsreel: "newsreel", jsonld: "JSON-LD", jsonfeed: "JSON Feed" };

function detect(root) {
  if (typeof get(root, "version") === "string" && root.version.startsWith("https://jsonfeed.org/version/")) return "jsonfeed";
  if (has(root, "article") || has(root, "latest") || has(root, "format")) return "newsreel";
  return "jsonld";
}

/** UTF-8 length, counted only when the text might be over the limit. */
function overLimit(text) {
  if (text.length * 3 <= MAX_INPUT_BYTES) return false;
  if (text.length > MAX_INPUT_BYTES) return true;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return bytes > MAX_INPUT_BYTES;
}

function parseJson(raw) {
  if (overLimit(raw)) throw new Reason(`input is larger than ${MAX_INPUT_BYTES} bytes (5 MB)`);
  const t = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  try {
    return JSON.parse(t);
  } catch (e) {
    throw new Reason("invalid JSON: " + e.message);
  }
}

/** Ids filled in, duplicates dropped, newest first unless ordered, capped. */
function finish(doc, ordered, maxItems) {
  let next = 1;
  const giveId = (a) => { if (!a.id) a.id = `item-${next++}`; };
  if (doc.main) giveId(doc.main);
  doc.latest.forEach(giveId);
  // A duplicate has an id, or a URL, seen before (its own still count as seen).
  const ids = new Set();
  const urls = new Set();
  doc.latest = doc.latest.filter((a) => {
    const newId = !ids.has(a.id);
    ids.add(a.id);
    let newUrl = true;
    if (a.url !== null) {
      newUrl = !urls.has(a.url);
      urls.add(a.url);
    }
    return newId && newUrl;
  });
  if (!ordered) {
    const key = (a) => (a.published ? a.published.ms : -Infinity);
    doc.latest.sort((a, b) => key(b) - key(a) || 0);
  }
  doc.found = doc.latest.length;
  doc.latest.length = Math.min(doc.latest.length, maxItems);
}

export function decodeBlocks(texts, maxItems) {
  const many = texts.length > 1;
  const place = (i) => (many ? `block ${i + 1}: ` : "");
  const roots = [];
  const failures = [];
  texts.forEach((t, i) => {
    try {
      roots.push([i, parseJson(t)]);
    } catch (e) {
      if (!(e instanceof Reason)) throw e;
      failures.push(place(i) + e.message);
    }
  });
  if (!roots.length) throw new Reason(failures.length ? failures.join("; ") : "no JSON data found");
  const format = detect(roots[0][1]);
  let result;
  try {
    if (format === "jsonld") result = decodeJsonLd(roots.filter(([, r]) => detect(r) === "jsonld").map(([, r]) => r));
    else if (format === "jsonfeed") result = decodeFeed(roots[0][1]);
    else result = decodeNewsreel(roots[0][1]);
  } catch (e) {
    if (!(e instanceof Reason)) throw e;
    throw new Reason(place(roots[0][0]) + e.message);
  }
  const [doc, ordered] = result;
  for (const f of failures) doc.warnings.push(`page: ${f}`);
  finish(doc, ordered, maxItems);
  if (!doc.main && !doc.latest.length) {
    const where = many ? ` in ${texts.length} ${FORMAT_NAMES[format]} blocks` : "";
    let message = `no article with a headline found${where}`;
    const n = doc.warnings.length;
    if (n) message += ` (${n} problem${n === 1 ? "" : "s"}: ${doc.warnings[0]})`;
    throw new Reason(message);
  }
  return doc;
}

/** Every article the widget can show, main first, each id once. */
function* allArticles(doc) {
  if (doc.main) yield doc.main;
  for (const a of doc.latest) if (!doc.main || a.id !== doc.main.id) yield a;
}

function find(doc, id) {
  for (const a of allArticles(doc)) if (a.id === id) return a;
  return null;
}

// ---------------------------------------------------------------- dates on screen

const formatters = new Map();

function formatDate(ms, hasTime, locale) {
  const key = locale + "|" + hasTime;
  let f = formatters.get(key);
  if (!f) {
    const options = hasTime ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium", timeZone: "UTC" };
    try {
      f = new Intl.DateTimeFormat(locale || undefined, options);
    } catch {
      f = new Intl.DateTimeFormat(undefined, options);
    }
    formatters.set(key, f);
  }
  return f.format(new Date(ms));
}

const RELATIVE_UNITS = [["year", 31536000], ["month", 2592000], ["week", 604800], ["day", 86400], ["hour", 3600], ["minute", 60], ["second", 1]];

function formatRelative(ms, now, locale) {
  let rtf;
  try {
    rtf = new Intl.RelativeTimeFormat(locale || undefined, { numeric: "auto" });
  } catch {
    rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  }
  const seconds = (ms - now) / 1000;
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size || unit === "second") return rtf.format(Math.round(seconds / size), unit);
  }
  return formatDate(ms, true, locale);
}

// ---------------------------------------------------------------- sanitiser

const HTML_NS = "http://www.w3.org/1999/xhtml";
const ALLOWED_ELEMENTS = new Set([
  "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "strong", "b", "em",
  "i", "u", "s", "small", "sub", "sup", "mark", "abbr", "cite", "q", "blockquote", "code", "pre", "kbd", "samp",
  "var", "a", "figure", "figcaption", "img", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
  "span", "div", "time", "del", "ins", "wbr",
]);
const DROPPED_WITH_CONTENT = new Set([
  "script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "param", "svg",
  "math", "noscript", "noembed", "noframes", "xmp", "plaintext", "form", "input", "button", "select", "option",
  "optgroup", "textarea", "datalist", "output", "base", "meta", "link", "title", "head", "audio", "video",
  "source", "track", "canvas", "map", "area", "portal", "dialog", "slot", "picture", "fencedframe",
  "selectedcontent", "geolocation", "permission",
]);
const VOID_ELEMENTS = new Set(["br", "hr", "img", "wbr"]);
const GLOBAL_ATTRIBUTES = ["lang", "dir", "title"];
const ELEMENT_ATTRIBUTES = {
  img: ["width", "height"], td: ["colspan", "rowspan", "scope", "headers"], th: ["colspan", "rowspan", "scope", "headers"],
  ol: ["start", "reversed", "type"], li: ["value"], time: ["datetime"], del: ["datetime"], ins: ["datetime"],
};
const NUMERIC_ATTRIBUTES = new Set(["width", "height", "colspan", "rowspan", "start", "value"]);
const MAX_DEPTH = 48;
const PHRASING = new Set(["strong", "b", "em", "i", "u", "s", "small", "sub", "sup", "mark", "abbr", "cite", "q",
  "code", "kbd", "samp", "var", "a", "span", "time", "del", "ins"]);
const CLOSES_P = new Set(["p", "blockquote", "div", "dl", "dd", "dt", "figcaption", "figure", "ol", "ul", "li", "pre", "hr", "table"]);

const isTableStructure = (t) => t === "table" || t === "thead" || t === "tbody" || t === "tfoot" || t === "tr";
const isHeading = (t) => t.length === 2 && t[0] === "h" && t[1] >= "1" && t[1] <= "6";
const isSpecial = (t) => !PHRASING.has(t);
const closesP = (t) => isHeading(t) || CLOSES_P.has(t);
const isCell = (t) => t === "td" || t === "th" || t === "caption";
const isDropped = (e) => e.namespaceURI !== HTML_NS || DROPPED_WITH_CONTENT.has(e.localName.toLowerCase());

let parserPolicy = null;

function parseInertHtml(html) {
  try {
    let input = html;
    if (window.trustedTypes && window.trustedTypes.createPolicy) {
      parserPolicy ||= window.trustedTypes.createPolicy("twin-reel", { createHTML: (s) => s });
      input = parserPolicy.createHTML(html);
    }
    return new DOMParser().parseFromString(input, "text/html");
  } catch {
    return null;
  }
}

const RAW_TEXT = new Set(["script", "xmp", "iframe", "noembed", "noframes", "textarea", "title"]);
const isSpaceCode = (c) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

/**
 * The markup with what a strict CSP would report while merely parsing it
 * renamed (`on*` and `style` attributes become `x-…`) or cut (`<style>`),
 * following the HTML tokenizer as crates/newsreel/src/sanitize.rs does.
 */
function quietForCsp(html) {
  if (!html.includes("<")) return html;
  // ASCII-only lower case keeps every index where it was.
  const lower = html.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  const n = html.length;
  const find = (from, needle) => {
    const at = lower.indexOf(needle, from);
    return at < 0 ? null : at;
  };
  const rawTextEnd = (from, name) => {
    const closing = "</" + name;
    let at = from;
    for (;;) {
      const start = find(at, closing);
      if (start === null) return n;
      const after = start + closing.length;
      if (after >= n) return n;
      const c = html.charCodeAt(after);
      if (isSpaceCode(c) || c === 47 || c === 62) {
        const gt = find(after, ">");
        return gt === null ? n : gt + 1;
      }
      at = after;
    }
  };
  let out = "";
  let copied = 0;
  let foreign = 0;
  let i = 0;
  for (;;) {
    const lt = find(i, "<");
    if (lt === null) break;
    i = lt + 1;
    if (i >= n) break;
    const next = html[i];
    if (next === "!") {
      if (html.startsWith("!--", i)) {
        const body = i + 3;
        if (html.startsWith(">", body)) i = body + 1;
        else if (html.startsWith("->", body)) i = body + 2;
        else {
          const dashes = find(body, "-->");
          const bang = find(body, "--!>");
          const ends = [dashes === null ? null : dashes + 3, bang === null ? null : bang + 4].filter((e) => e !== null);
          i = ends.length ? Math.min(...ends) : n;
        }
      } else {
        const gt = find(i, ">");
        i = gt === null ? n : gt + 1;
      }
      continue;
    }
    const endTag = next === "/";
    const nameStart = endTag ? i + 1 : i;
    if (!(nameStart < n && /[A-Za-z]/.test(html[nameStart]))) {
      if (next === "?" || endTag) {
        const gt = find(i, ">");
        i = gt === null ? n : gt + 1;
      }
      continue;
    }
    let at = nameStart;
    while (at < n && !isSpaceCode(html.charCodeAt(at)) && html[at] !== "/" && html[at] !== ">") at++;
    const name = lower.slice(nameStart, at);
    const rename = !endTag && name !== "style";
    let selfClosing = false;
    for (;;) {
      while (at < n && (isSpaceCode(html.charCodeAt(at)) || html[at] === "/")) {
        selfClosing = html[at] === "/";
        at++;
      }
      if (at >= n || html[at] === ">") break;
      selfClosing = false;
      const attribute = at++;
      while (at < n && !isSpaceCode(html.charCodeAt(at)) && html[at] !== "/" && html[at] !== ">" && html[at] !== "=") at++;
      const attributeName = lower.slice(attribute, at);
      if (rename && (attributeName.startsWith("on") || attributeName === "style")) {
        out += html.slice(copied, attribute) + "x-";
        copied = attribute;
      }
      while (at < n && isSpaceCode(html.charCodeAt(at))) at++;
      if (html[at] !== "=") continue;
      at++;
      while (at < n && isSpaceCode(html.charCodeAt(at))) at++;
      const quote = html[at];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, at + 1);
        at = close < 0 ? n : close + 1;
      } else {
        while (at < n && !isSpaceCode(html.charCodeAt(at)) && html[at] !== ">") at++;
      }
    }
    i = Math.min(at + 1, n);
    if (endTag) {
      if (name === "svg" || name === "math") foreign = Math.max(0, foreign - 1);
    } else if (name === "style") {
      out += html.slice(copied, lt);
      i = rawTextEnd(i, "style");
      copied = i;
    } else if ((name === "svg" || name === "math") && !selfClosing) {
      foreign++;
    } else if (foreign === 0 && name === "plaintext") {
      break;
    } else if (foreign === 0 && RAW_TEXT.has(name)) {
      i = rawTextEnd(i, name);
    }
  }
  return out + html.slice(copied);
}

/** Parses `html` inertly (no-quirks, as a modern page) and appends the allowed part to `into`. */
function appendHtml(into, html, images, target) {
  const inert = parseInertHtml("<!DOCTYPE html>" + quietForCsp(html));
  if (!inert) {
    into.append(textEl("p", [], stripTags(html)));
    return;
  }
  if (inert.body) new Copier(images, target).children(inert.body, into, 0);
}

/**
 * One walk over a parsed document, rebuilding allowed nodes. Each element is
 * created only where an HTML parser would keep it on a second parse, and
 * unwrapped otherwise, so the output is idempotent.
 */
class Copier {
  constructor(images, target) {
    this.images = images;
    this.target = target;
    this.open = [];
  }

  children(from, to, depth) {
    for (let node = from.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.TEXT_NODE) this.text(to, node.nodeValue);
      else if (node.nodeType === Node.ELEMENT_NODE) this.element(node, to, depth);
    }
  }

  text(to, value) {
    const parent = this.open[this.open.length - 1];
    if (parent !== undefined && isTableStructure(parent) && !/^[\t\n\f\r ]*$/.test(value)) return;
    if (parent === "pre" && !to.hasChildNodes() && value[0] === "\n") value = value.slice(1);
    if (value) to.append(document.createTextNode(value));
  }

  element(source, to, depth) {
    if (isDropped(source)) return;
    if (depth >= MAX_DEPTH) {
      this.deepText(source, to);
      return;
    }
    const tag = source.localName.toLowerCase();
    if (!ALLOWED_ELEMENTS.has(tag) || (tag === "img" && !this.images) || !this.staysNested(tag)) {
      this.children(source, to, depth + 1);
      return;
    }
    const copy = document.createElement(tag);
    if (!this.copyAttributes(source, copy, tag)) return;
    if (!VOID_ELEMENTS.has(tag)) {
      this.open.push(tag);
      this.children(source, copy, depth + 1);
      this.open.pop();
    }
    to.append(copy);
  }

  /** The text under an element nested too deep to rebuild, minus dropped subtrees; a loop, not recursion. */
  deepText(root, to) {
    let node = root.firstChild;
    while (node) {
      let inside = null;
      if (node.nodeType === Node.TEXT_NODE) this.text(to, node.nodeValue);
      else if (node.nodeType === Node.ELEMENT_NODE && !isDropped(node)) inside = node.firstChild;
      if (inside) {
        node = inside;
        continue;
      }
      while (node && node !== root && !node.nextSibling) node = node.parentNode;
      node = node && node !== root ? node.nextSibling : null;
    }
  }

  staysNested(tag) {
    const parent = this.open[this.open.length - 1];
    if (tag === "caption" || tag === "thead" || tag === "tbody" || tag === "tfoot") return parent === "table";
    if (tag === "tr") return parent === "thead" || parent === "tbody" || parent === "tfoot";
    if (tag === "td" || tag === "th") return parent === "tr";
    if (parent !== undefined && isTableStructure(parent)) return false;
    if (isHeading(tag) && parent !== undefined && isHeading(parent)) return false;
    let conflict = false;
    if (tag === "li") conflict = this.openWithin(["li"], (t) => isSpecial(t) && t !== "div" && t !== "p");
    else if (tag === "dd" || tag === "dt") conflict = this.openWithin(["dd", "dt"], (t) => isSpecial(t) && t !== "div" && t !== "p");
    else if (tag === "a") conflict = this.openWithin(["a"], isCell);
    const closesOpenP = closesP(tag) && this.openWithin(["p"], (t) => isCell(t) || t === "table");
    return !conflict && !closesOpenP;
  }

  openWithin(wanted, stop) {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const t = this.open[i];
      if (wanted.includes(t)) return true;
      if (stop(t)) return false;
    }
    return false;
  }

  copyAttributes(source, copy, tag) {
    for (const list of [GLOBAL_ATTRIBUTES, ELEMENT_ATTRIBUTES[tag] || []]) {
      for (const name of list) {
        const value = source.getAttribute(name);
        if (value === null) continue;
        const keep = name === "dir"
          ? ["ltr", "rtl", "auto"].includes(value.toLowerCase())
          : NUMERIC_ATTRIBUTES.has(name) ? /^[0-9]{1,6}$/.test(value) : true;
        if (keep) copy.setAttribute(name, value);
      }
    }
    if (tag === "a") {
      const href = source.getAttribute("href");
      const safe = href === null ? null : allowedParsed(href, isLink);
      if (safe !== null) {
        copy.setAttribute("href", safe);
        copy.setAttribute("rel", "noopener noreferrer");
        if (this.target) copy.setAttribute("target", this.target);
      }
    } else if (tag === "img") {
      const src = source.getAttribute("src");
      const safe = src === null ? null : allowedParsed(src, isImage);
      if (safe === null) return false;
      copy.setAttribute("src", safe);
      copy.setAttribute("alt", source.getAttribute("alt") ?? "");
      copy.setAttribute("loading", "lazy");
      copy.setAttribute("decoding", "async");
      copy.setAttribute("referrerpolicy", "no-referrer");
    } else if (tag === "q" || tag === "blockquote") {
      const cite = source.getAttribute("cite");
      const safe = cite === null ? null : allowedParsed(cite, isLink);
      if (safe !== null) copy.setAttribute("cite", safe);
    }
    return true;
  }
}

// ---------------------------------------------------------------- rendering

function el(tag, attrs) {
  const e = document.createElement(tag);
  for (const [name, value] of attrs) e.setAttribute(name, value);
  return e;
}

function textEl(tag, attrs, content) {
  const e = el(tag, attrs);
  e.append(document.createTextNode(content));
  return e;
}

function skeleton(shadow) {
  const sk = {
    root: el("div", [["class", "nr"], ["part", "root"]]),
    ticker: el("section", [["class", "ticker"], ["part", "ticker"], ["aria-labelledby", "nr-label"]]),
    label: textEl("div", [["class", "label"], ["part", "label"], ["id", "nr-label"]], "Latest news"),
    pause: textEl("button", [["type", "button"], ["class", "pause"], ["part", "pause"]], "Pause"),
    prev: textEl("button", [["type", "button"], ["class", "step"], ["part", "prev"], ["aria-label", "Previous headline"]], "‹"),
    next: textEl("button", [["type", "button"], ["class", "step"], ["part", "next"], ["aria-label", "Next headline"]], "›"),
    lane: el("div", [["class", "lane"]]),
    items: el("ul", [["class", "items"], ["part", "list"], ["aria-live", "off"]]),
    copy: el("ul", [["class", "items copy"], ["aria-hidden", "true"], ["inert", ""]]),
    article: el("article", [["class", "article"], ["part", "article"]]),
    error: el("p", [["class", "error"], ["part", "error"], ["role", "alert"], ["hidden", ""]]),
    stale: el("p", [["class", "stale"], ["part", "stale"], ["hidden", ""]]),
    announce: el("div", [["class", "visually-hidden"], ["role", "status"], ["aria-live", "polite"]]),
    fallback: el("slot", []),
  };
  const controls = el("div", [["class", "controls"]]);
  const viewport = el("div", [["class", "viewport"], ["part", "viewport"]]);
  controls.append(sk.pause, sk.prev, sk.next);
  sk.lane.append(sk.items, sk.copy);
  viewport.append(sk.lane);
  sk.ticker.append(sk.label, controls, viewport);
  sk.ticker.toggleAttribute("hidden", true);
  sk.article.toggleAttribute("hidden", true);
  sk.root.append(sk.ticker, sk.article, sk.error, sk.stale, sk.announce, sk.fallback);
  shadow.textContent = "";
  shadow.append(sk.root);
  return sk;
}

function timeEl(date, options, part) {
  const shown = options.relativeDates
    ? formatRelative(date.ms, Date.now(), options.locale)
    : formatDate(date.ms, date.hasTime, options.locale);
  const attrs = [["datetime", toIso(date)]];
  if (part) attrs.push(["part", part]);
  return textEl("time", attrs, shown);
}

function tickerItem(a, options, selected) {
  const li = el("li", [["class", "item"], ["part", "item"]]);
  const href = a.url === null ? null : allowedUrl(a.url, isLink);
  const pick = href !== null ? el("a", [["href", href], ["rel", "noopener noreferrer"]]) : el("button", [["type", "button"]]);
  pick.setAttribute("class", "pick");
  pick.setAttribute("data-id", a.id);
  if (selected) pick.setAttribute("aria-current", "true");
  if (a.language !== null) pick.setAttribute("lang", a.language);
  pick.append(textEl("span", [["class", "title"], ["dir", "auto"]], a.headline));
  if (a.published) pick.append(timeEl(a.published, options, null));
  li.append(pick);
  return li;
}

// The loop copy is one deep clone of the list, as newsreel makes it, with
// its own part on each entry and no current marker.
function tickerItems(sk, articles, selected, options) {
  const list = document.createDocumentFragment();
  for (const a of articles) list.append(tickerItem(a, options, selected === a.id));
  const copy = list.cloneNode(true);
  for (const entry of copy.querySelectorAll("[part=item]")) entry.setAttribute("part", "item-copy");
  for (const current of copy.querySelectorAll("[aria-current]")) current.removeAttribute("aria-current");
  sk.items.textContent = "";
  sk.copy.textContent = "";
  sk.items.append(list);
  sk.copy.append(copy);
  sk.ticker.toggleAttribute("hidden", articles.length === 0);
}

function markSelected(sk, id) {
  for (const pick of sk.items.querySelectorAll(".pick")) {
    if (pick.getAttribute("data-id") === id) pick.setAttribute("aria-current", "true");
    else pick.removeAttribute("aria-current");
  }
}

function articleView(sk, a, options) {
  const view = sk.article;
  view.textContent = "";
  if (a.language !== null) view.setAttribute("lang", a.language);
  else view.removeAttribute("lang");
  const level = Math.min(Math.max(options.headingLevel, 1), 6);
  view.append(textEl(`h${level}`, [["class", "headline"], ["part", "headline"], ["tabindex", "-1"], ["dir", "auto"], ["id", "nr-headline"]], a.headline));
  view.setAttribute("aria-labelledby", "nr-headline");

  const meta = el("p", [["class", "meta"]]);
  if (a.published) meta.append(timeEl(a.published, options, "date"));
  if (a.authors.length) meta.append(textEl("span", [["part", "byline"], ["dir", "auto"]], a.authors.join(", ")));
  if (a.publisher !== null) meta.append(textEl("span", [["part", "publisher"], ["dir", "auto"]], a.publisher));
  if (meta.hasChildNodes()) view.append(meta);

  if (options.images && a.image) {
    const src = allowedUrl(a.image.url, isImage);
    if (src !== null) {
      const figure = el("figure", [["class", "figure"]]);
      const img = el("img", [["part", "image"], ["src", src], ["alt", a.image.alt ?? ""], ["loading", "lazy"], ["decoding", "async"], ["referrerpolicy", "no-referrer"]]);
      if (a.image.width !== null && a.image.height !== null) {
        img.setAttribute("width", String(a.image.width));
        img.setAttribute("height", String(a.image.height));
      }
      figure.append(img);
      view.append(figure);
    }
  }

  const bodyEl = el("div", [["class", "body"], ["part", "body"], ["dir", "auto"]]);
  if (a.body && a.body.paragraphs) for (const p of a.body.paragraphs) bodyEl.append(textEl("p", [], p));
  else if (a.body && a.body.html !== undefined) appendHtml(bodyEl, a.body.html, options.images, options.linkTarget);
  if (bodyIsEmpty(a.body) && a.summary !== null) bodyEl.append(textEl("p", [["class", "summary"]], a.summary));
  if (bodyEl.hasChildNodes()) view.append(bodyEl);

  const href = a.url === null ? null : allowedUrl(a.url, isLink);
  if (href !== null) {
    const more = el("p", [["class", "more"]]);
    const link = textEl("a", [["part", "link"], ["href", href], ["rel", "noopener noreferrer"]], "Read the full article");
    if (options.linkTarget) link.setAttribute("target", options.linkTarget);
    more.append(link);
    view.append(more);
  }
  view.toggleAttribute("hidden", false);
}

// ---------------------------------------------------------------- the element

const OBSERVED = ["source", "mode", "speed", "interval", "max-items", "label", "heading-level", "lang", "dir",
  "relative-dates", "images", "target"];
const JSON_TYPES = "script[type='application/json' i], script[type='application/ld+json' i], script[type='application/feed+json' i]";

let sheet = null;
const logged = new Set();

function logOnce(message) {
  if (logged.has(message)) return;
  logged.add(message);
  console.error("twin-reel: " + message);
}

function hashArticle() {
  const hash = location.hash;
  if (!hash.startsWith("#")) return null;
  try {
    const raw = decodeURIComponent(hash.slice(1));
    return raw.startsWith(HASH_PREFIX) ? raw.slice(HASH_PREFIX.length) : null;
  } catch {
    return null;
  }
}

export class TwinReel extends HTMLElement {
  static get observedAttributes() {
    return OBSERVED;
  }

  #sk = null;
  #sources = [];
  #data = null;
  #selected = null;
  #loadedByCall = false;
  #userPaused = false;
  #userPlayed = false;
  #offscreen = false;
  #tabHidden = false;
  #slideIndex = 0;
  #slideWasOn = false;
  #slideTimer = 0;
  #held = false;
  #pageListeners = null;
  #visibility = null;
  #sourceWatch = null;

  connectedCallback() {
    this.#guard(() => {
      this.#ensureSkeleton();
      this.#listenToPage();
      if (!this.#data && !this.#loadedByCall) this.#readPage();
      else this.#updateMotion();
    });
  }

  disconnectedCallback() {
    this.#pageListeners?.abort();
    this.#pageListeners = null;
    this.#visibility?.disconnect();
    this.#visibility = null;
    this.#sourceWatch?.disconnect();
    this.#sourceWatch = null;
    this.#stopSlideTimer();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#sk || oldValue === newValue) return;
    this.#guard(() => {
      if (name === "source") this.#readPage();
      else if (name === "max-items") this.#decodeAndShow();
      else if (["mode", "speed", "interval", "dir"].includes(name)) this.#updateMotion();
      else this.#rerender();
    });
  }

  load(data) {
    this.#guard(() => {
      let t;
      try {
        t = typeof data === "string" ? data : JSON.stringify(data);
      } catch {
        t = undefined;
      }
      this.#ensureSkeleton();
      this.#loadedByCall = true;
      if (typeof t !== "string") {
        this.#fail("load() needs a JSON string or an object that JSON.stringify can serialise");
        return;
      }
      this.#sources = [t];
      this.#decodeAndShow();
    });
  }

  select(id) {
    return Boolean(this.#guard(() => this.#open(String(id), false)));
  }

  play() {
    this.#guard(() => {
      this.#userPaused = false;
      this.#userPlayed = true;
      this.#updateMotion();
    });
  }

  pause() {
    this.#guard(() => {
      this.#userPaused = true;
      this.#updateMotion();
    });
  }

  next() { this.#guard(() => this.#stepSlide(1)); }
  prev() { this.#guard(() => this.#stepSlide(-1)); }

  get paused() {
    return this.#userPaused || this.#effectiveMode() === "list";
  }

  get articles() {
    if (!this.#data) return [];
    return [...allArticles(this.#data)].map((a) => ({ id: a.id, headline: a.headline, url: a.url, datePublished: a.published ? toIso(a.published) : null }));
  }

  // Nothing thrown reaches the host page.
  #guard(fn) {
    try {
      return fn();
    } catch (error) {
      logOnce("the widget stopped: " + (error && error.message ? error.message : String(error)));
      return undefined;
    }
  }

  #ensureSkeleton() {
    if (this.#sk) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLES);
    }
    shadow.adoptedStyleSheets = [sheet];
    this.#sk = skeleton(shadow);
    this.setAttribute("state", "loading");
    shadow.addEventListener("click", (event) => this.#guard(() => this.#onClick(event)));
    const ticker = this.#sk.ticker;
    for (const [type, held] of [["pointerenter", true], ["pointerleave", false], ["focusin", true], ["focusout", false]]) {
      ticker.addEventListener(type, (event) => {
        const leavingWithin = type === "focusout" && event.relatedTarget instanceof Node && ticker.contains(event.relatedTarget);
        if (!leavingWithin) this.#held = held;
      });
    }
  }

  #listenToPage() {
    if (this.#pageListeners) return;
    const listeners = new AbortController();
    const signal = listeners.signal;
    const motion = () => this.#guard(() => this.#updateMotion());
    matchMedia("(prefers-reduced-motion: reduce)").addEventListener("change", motion, { signal });
    document.addEventListener("visibilitychange", () => {
      this.#tabHidden = document.visibilityState === "hidden";
      motion();
    }, { signal });
    const follow = () => this.#guard(() => this.#followHash());
    window.addEventListener("popstate", follow, { signal });
    window.addEventListener("hashchange", follow, { signal });
    this.#pageListeners = listeners;
    this.#tabHidden = document.visibilityState === "hidden";
    this.#visibility = new IntersectionObserver((entries) => {
      this.#offscreen = !entries[entries.length - 1].isIntersecting;
      motion();
    });
    this.#visibility.observe(this.#sk.ticker);
  }

  #followHash() {
    if (!this.#data) return;
    const id = hashArticle();
    const wanted = id !== null && find(this.#data, id) ? id : null;
    if (wanted !== null && wanted !== this.#selected) this.#open(wanted, false);
  }

  #readPage() {
    this.#watchSource();
    let texts;
    try {
      texts = this.#findSources();
    } catch (e) {
      if (!(e instanceof Reason)) throw e;
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", () => this.#guard(() => this.#readPage()), { once: true });
        return;
      }
      // A script that appends the element and then calls load() does so in
      // one task: report missing data only if none has come by its end.
      setTimeout(() => this.#guard(() => {
        if (!this.#loadedByCall && !this.#data) this.#fail(e.message);
      }), 0);
      return;
    }
    this.#sources = texts;
    this.#decodeAndShow();
  }

  #watchSource() {
    this.#sourceWatch?.disconnect();
    const selector = this.getAttribute("source");
    let target = this;
    if (selector !== null) {
      try {
        target = document.querySelector(selector);
      } catch {
        target = null;
      }
    }
    this.#sourceWatch = null;
    if (!target) return;
    this.#sourceWatch = new MutationObserver(() => this.#guard(() => {
      if (this.#loadedByCall) return;
      let texts;
      try {
        texts = this.#findSources();
      } catch (e) {
        if (!(e instanceof Reason)) throw e;
        this.#fail(e.message);
        return;
      }
      if (texts.length !== this.#sources.length || texts.some((t, i) => t !== this.#sources[i])) {
        this.#sources = texts;
        this.#decodeAndShow();
      }
    }));
    this.#sourceWatch.observe(target, { childList: true, characterData: true, subtree: true });
  }

  #findSources() {
    const selector = this.getAttribute("source");
    if (selector !== null) {
      let found;
      try {
        found = document.querySelector(selector);
      } catch {
        throw new Reason(`source "${selector}" is not a valid selector`);
      }
      if (!found) throw new Reason(`source "${selector}" matches no element on the page`);
      return [found.textContent ?? ""];
    }
    const inline = [...this.querySelectorAll(JSON_TYPES)].filter((s) => s.parentElement === this).map((s) => s.textContent ?? "");
    if (inline.length) return inline;
    const page = [...document.querySelectorAll("script[type='application/ld+json' i]")].map((s) => s.textContent ?? "");
    if (page.length) return page;
    throw new Reason('no JSON data found: give the element source="#id" or put a <script type="application/json"> inside it');
  }

  /** A whole number attribute (any fraction cut off), clamped; null when absent or not a number. */
  #attrNumber(name, min, max) {
    const raw = this.getAttribute(name);
    if (raw === null) return null;
    const whole = trimSpace(raw).split(".")[0];
    if (!/^[+-]?[0-9]+$/.test(whole)) return null;
    return Math.min(Math.max(Number(whole), min), max);
  }

  #decodeAndShow() {
    const maxItems = this.#attrNumber("max-items", 1, 10000) ?? DEFAULT_MAX_ITEMS;
    let doc;
    try {
      doc = decodeBlocks(this.#sources, maxItems);
    } catch (e) {
      if (!(e instanceof Reason)) throw e;
      this.#fail(e.message);
      return;
    }
    this.#show(doc);
  }

  #renderOptions() {
    const withLang = this.closest("[lang]");
    return {
      locale: (withLang && withLang.getAttribute("lang")) ?? this.#data?.language ?? "",
      headingLevel: this.#attrNumber("heading-level", 1, 6) ?? 2,
      images: this.getAttribute("images") !== "none",
      relativeDates: this.hasAttribute("relative-dates"),
      linkTarget: this.getAttribute("target") || null,
    };
  }

  #show(doc) {
    const sk = this.#sk;
    if (!sk) return;
    for (const w of doc.warnings) logOnce(w);
    const keep = this.#selected !== null && find(doc, this.#selected) ? this.#selected : null;
    const fromHash = () => {
      const id = hashArticle();
      return id !== null && find(doc, id) ? id : null;
    };
    const initial = doc.main ?? doc.latest[0] ?? null;
    const selected = keep ?? fromHash() ?? (initial ? initial.id : null);
    const count = doc.found + (doc.main && !doc.latest.some((a) => a.id === doc.main.id) ? 1 : 0);
    this.#data = doc;
    this.#selected = selected;
    this.#rerender();
    sk.error.toggleAttribute("hidden", true);
    sk.fallback.toggleAttribute("hidden", true);
    this.setAttribute("state", "ready");
    this.dispatchEvent(new CustomEvent("newsreel:ready", { bubbles: true, composed: true, detail: { count, warnings: doc.warnings.slice() } }));
  }

  #rerender() {
    const sk = this.#sk;
    const doc = this.#data;
    if (!sk || !doc) return;
    const options = this.#renderOptions();
    const label = this.getAttribute("label");
    sk.label.textContent = label !== null && trimSpace(label) !== "" ? label : doc.title ?? "Latest news";
    tickerItems(sk, doc.latest, this.#selected, options);
    const open = this.#selected === null ? null : find(doc, this.#selected);
    if (open) articleView(sk, open, options);
    else sk.article.toggleAttribute("hidden", true);
    this.#updateMotion();
  }

  #fail(message) {
    const sk = this.#sk;
    if (!sk) return;
    logOnce(message);
    sk.error.textContent = `The news could not be shown: ${message}`;
    sk.error.toggleAttribute("hidden", false);
    sk.fallback.toggleAttribute("hidden", this.#data !== null);
    this.setAttribute("state", "error");
    this.dispatchEvent(new CustomEvent("newsreel:error", { bubbles: true, composed: true, detail: { message } }));
  }

  #onClick(event) {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const pick = target.closest(".pick");
    if (pick) {
      if (pick.localName === "a" && (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0)) return;
      event.preventDefault();
      const id = pick.getAttribute("data-id");
      if (id !== null) this.#open(id, true);
    } else if (target.closest(".pause")) {
      if (this.#isMoving()) this.#userPaused = true;
      else {
        this.#userPaused = false;
        this.#userPlayed = true;
      }
      this.#updateMotion();
    } else if (target.closest("[part=prev]")) this.#stepSlide(-1);
    else if (target.closest("[part=next]")) this.#stepSlide(1);
  }

  #open(id, byReader) {
    const sk = this.#sk;
    const doc = this.#data;
    if (!sk || !doc) return false;
    const a = find(doc, id);
    if (!a) return false;
    this.#selected = a.id;
    articleView(sk, a, this.#renderOptions());
    markSelected(sk, a.id);
    if (byReader) {
      sk.article.querySelector("[part=headline]")?.focus();
      const wanted = HASH_PREFIX + a.id;
      if (this.getAttribute("history") !== "off" && hashArticle() !== a.id) {
        history.pushState(null, "", "#" + encodeURIComponent(wanted).replaceAll("%2F", "/"));
      }
    }
    this.dispatchEvent(new CustomEvent("newsreel:select", { bubbles: true, composed: true, detail: { id: a.id, url: a.url } }));
    return true;
  }

  #configuredMode() {
    const mode = (this.getAttribute("mode") ?? "").trim();
    return mode === "slide" || mode === "list" ? mode : "marquee";
  }

  #effectiveMode() {
    const mode = this.#configuredMode();
    return mode !== "list" && matchMedia("(prefers-reduced-motion: reduce)").matches && !this.#userPlayed ? "list" : mode;
  }

  #isMoving() {
    return this.#effectiveMode() !== "list" && !this.#userPaused;
  }

  // Mode, direction and play state. The motion itself is CSS: nothing runs per frame.
  #updateMotion() {
    const sk = this.#sk;
    if (!sk) return;
    const configured = this.#configuredMode();
    const mode = this.#effectiveMode();
    const classes = sk.root.classList;
    classes.toggle("mode-marquee", mode === "marquee");
    classes.toggle("mode-slide", mode === "slide");
    classes.toggle("mode-list", mode === "list");
    const dir = this.closest("[dir]");
    classes.toggle("rtl", Boolean(dir) && dir.getAttribute("dir").toLowerCase() === "rtl");
    const moving = this.#isMoving();
    classes.toggle("paused", !moving);
    classes.toggle("offscreen", this.#offscreen || this.#tabHidden);
    sk.pause.textContent = moving ? "Pause" : "Play";
    sk.pause.toggleAttribute("hidden", configured === "list");
    sk.items.setAttribute("aria-live", moving ? "off" : "polite");
    if (mode === "marquee") {
      const speed = this.#attrNumber("speed", 5, 1000) ?? DEFAULT_SPEED_PX_PER_S;
      const width = sk.items.scrollWidth;
      const ms = width > 0 ? Math.floor((width * 1000) / speed) : 8000 * sk.items.childElementCount;
      sk.lane.style.setProperty("animation-duration", Math.max(ms, 2000) + "ms");
    }
    this.#applySlide(mode === "slide");
    if (mode === "slide" && moving) this.#startSlideTimer();
    else this.#stopSlideTimer();
  }

  // Only slide mode marks items; the others need the marks gone, once.
  #applySlide(on) {
    const sk = this.#sk;
    if (!on && !this.#slideWasOn) return;
    this.#slideWasOn = on;
    const count = Math.max(sk.items.childElementCount, 1);
    this.#slideIndex %= count;
    if (on) sk.items.style.setProperty("--nr-index", String(this.#slideIndex));
    let i = 0;
    for (const item of sk.items.children) {
      const hide = on && i++ !== this.#slideIndex;
      item.toggleAttribute("inert", hide);
      if (hide) item.setAttribute("aria-hidden", "true");
      else item.removeAttribute("aria-hidden");
    }
  }

  #stepSlide(delta) {
    if (!this.#sk) return;
    const count = Math.max(this.#sk.items.childElementCount, 1);
    this.#slideIndex = (((this.#slideIndex + delta) % count) + count) % count;
    this.#applySlide(this.#effectiveMode() === "slide");
  }

  #startSlideTimer() {
    if (this.#slideTimer) return;
    const interval = this.#attrNumber("interval", 1000, 600000) ?? DEFAULT_INTERVAL_MS;
    this.#slideTimer = setInterval(() => {
      if (!this.#held && !this.#offscreen && !this.#tabHidden && this.#isMoving()) this.#guard(() => this.#stepSlide(1));
    }, interval);
  }

  #stopSlideTimer() {
    clearInterval(this.#slideTimer);
    this.#slideTimer = 0;
  }
}

/** Defines <twin-reel> (or another name). Safe to call twice. */
export function defineTwinReel(tagName = "twin-reel") {
  if (customElements.get(tagName)) return false;
  customElements.define(tagName, class extends TwinReel {});
  return true;
}

defineTwinReel();
