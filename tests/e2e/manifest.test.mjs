// The Custom Elements Manifest (crates/newsreel/js/custom-elements.json, shipped as
// pkg/custom-elements.json) against what it describes. Without a browser:
// its shape (schema 2.x), the package that ships it, and the sources: the
// stylesheet's custom properties, the events and parts the code makes, the
// attributes it reads, the TypeScript declarations and the README. In
// headless Chromium, with the element that pkg/index.js defines: its
// module's exports, `observedAttributes`, the members of its prototype, and,
// rendered in every mode and view, with data, an error, a refresh and a
// stale feed, the parts, events, slots, host attributes and custom
// properties it really has.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { start, openPage, settled, ROOT } from "./browser.mjs";

const read = (path) => readFileSync(ROOT + path, "utf8");
const MANIFEST_SOURCE = "crates/newsreel/js/custom-elements.json";
const manifest = JSON.parse(read(MANIFEST_SOURCE));

const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
const element = declarations.find((d) => d.customElement === true);
const names = (list) => (list ?? []).map((x) => x.name);
const attributes = names(element?.attributes);
const events = names(element?.events);
const parts = names(element?.cssParts);
const properties = names(element?.cssProperties);

/** `found` (what the element, a source or a document has) and `listed` (the manifest's) are the same set of names. */
function sameNames(found, listed, what) {
  const sorted = (xs) => [...new Set(xs)].sort();
  assert.deepEqual(sorted(found), sorted(listed), what);
}

/** The string literals of a union type such as `"a" | "b"`, or null for any other type. */
function literals(typeText) {
  const options = typeText.split("|").map((s) => s.trim());
  return options.every((o) => /^"[^"]*"$/.test(o)) ? options.map((o) => o.slice(1, -1)) : null;
}

// ---------------------------------------------------------------- parsing sources

/** The files of a directory of the repository whose names match. */
const filesIn = (dir, pattern) => readdirSync(ROOT + dir).filter((f) => pattern.test(f)).map((f) => `${dir}/${f}`);

// The element's own code: the Rust shell, element.js and the entries.
// The shell, and the core's programs of the shadow DOM it builds.
const RUST = [...filesIn("crates/newsreel/src", /\.rs$/), "crates/newsreel-core/src/view/programs.rs"];
const JS = [...filesIn("crates/newsreel/src", /\.js$/), ...filesIn("crates/newsreel/js", /\.js$/)];
// Code compiled only into the test build (`make hooks`) is no API: the
// line after #[cfg(feature = "test-hooks")] is left out.
const shipped = (source) => source.replace(/#\[cfg\(feature = "test-hooks"\)\]\s*\n[^\n]*/g, "");
const code = (files) => files.map((f) => shipped(read(f))).join("\n");

/** Splits `text` at `separator` where no bracket is open. */
function splitTop(text, separator) {
  const out = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ("(<[{".includes(c)) depth++;
    else if (")>]}".includes(c) && text[i - 1] !== "=") depth--;
    else if (c === separator && depth === 0) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out.map((s) => s.trim()).filter(Boolean);
}

const DTS = read("crates/newsreel/js/index.d.ts").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/[^\n]*/g, "");

/** The members of an interface of index.d.ts: { name: { kind, readonly, type, parameters } }. */
function dtsInterface(name) {
  const match = new RegExp(`interface ${name}\\b[^{]*\\{([\\s\\S]*?)\\n\\s*\\}`).exec(DTS);
  assert.ok(match, `index.d.ts declares interface ${name}`);
  const members = {};
  for (const declaration of splitTop(match[1], ";")) {
    let m;
    if ((m = /^get (\w+)\(\)\s*:\s*([\s\S]+)$/.exec(declaration))) {
      members[m[1]] = { ...members[m[1]], kind: "field", type: m[2].trim(), readonly: !members[m[1]]?.setter };
    } else if ((m = /^set (\w+)\(/.exec(declaration))) {
      members[m[1]] = { ...members[m[1]], kind: "field", setter: true, readonly: false };
    } else if ((m = /^(\w+)(?:<[^(]*>)?\(([\s\S]*)\)\s*:\s*([\s\S]+)$/.exec(declaration))) {
      const overloads = members[m[1]]?.overloads ?? 0;
      members[m[1]] = { kind: "method", parameters: parameters(m[2]), return: m[3].trim(), overloads: overloads + 1 };
    } else if ((m = /^(readonly\s+)?("[^"]+"|\w+)(\?)?\s*:\s*([\s\S]+)$/.exec(declaration))) {
      members[m[2].replace(/"/g, "")] = { kind: "field", readonly: Boolean(m[1]), optional: Boolean(m[3]), type: m[4].trim() };
    } else {
      assert.fail(`cannot read this member of ${name} in index.d.ts: ${declaration}`);
    }
  }
  return members;
}

/** `a: string, b?: number` as [{ name, optional, type }]. */
function parameters(list) {
  return splitTop(list, ",").map((p) => {
    const m = /^(\.\.\.)?(\w+)(\?)?\s*:\s*([\s\S]+)$/.exec(p);
    assert.ok(m, `a parameter of index.d.ts: ${p}`);
    return { name: m[2], optional: Boolean(m[3]), rest: Boolean(m[1]), type: m[4].trim() };
  });
}

/** The manifest's parameters in the same form. */
const manifestParameters = (list) =>
  (list ?? []).map((p) => ({ name: p.name, optional: Boolean(p.optional), rest: Boolean(p.rest), type: p.type?.text }));

const README = read("README.md");

/** The text of a README section, from its heading to the next heading of any level. */
function section(heading) {
  const at = README.indexOf(`\n${heading}\n`);
  assert.ok(at >= 0, `README has a section ${heading}`);
  const rest = README.slice(at + heading.length + 2);
  const end = rest.search(/\n#{1,6} /);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The rows of the tables in a README section, by the first cell's code span. */
function tableRows(text) {
  const rows = new Map();
  for (const line of text.split("\n")) {
    const m = /^\| `([^`]+)` \|(.*)$/.exec(line);
    if (m) rows.set(m[1], m[2]);
  }
  return rows;
}

/** Every code span of a text. */
const spans = (text) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

// ---------------------------------------------------------------- the file itself

// The members of each kind of object in schema 2.1 (schema.d.ts of
// webcomponents/custom-elements-manifest): a misspelt key is no error to a
// JSON parser, and a tool would silently ignore it.
const KEYS = {
  package: ["schemaVersion", "readme", "modules", "deprecated"],
  module: ["kind", "path", "summary", "description", "declarations", "exports", "deprecated"],
  export: ["kind", "name", "declaration", "deprecated"],
  reference: ["name", "package", "module"],
  class: ["kind", "name", "summary", "description", "superclass", "mixins", "members", "source", "deprecated",
    "customElement", "tagName", "attributes", "events", "slots", "cssParts", "cssProperties", "cssStates", "demos"],
  function: ["kind", "name", "summary", "description", "parameters", "return", "source", "deprecated"],
  attribute: ["name", "summary", "description", "inheritedFrom", "type", "default", "fieldName", "deprecated"],
  event: ["name", "summary", "description", "type", "inheritedFrom", "deprecated"],
  named: ["name", "summary", "description", "deprecated"],
  cssProperty: ["name", "syntax", "default", "summary", "description", "deprecated"],
  type: ["text", "references", "source"],
  field: ["kind", "name", "summary", "description", "type", "default", "deprecated", "readonly", "static", "privacy",
    "inheritedFrom", "source", "attribute", "reflects"],
  method: ["kind", "name", "summary", "description", "parameters", "return", "deprecated", "static", "privacy",
    "inheritedFrom", "source"],
  parameter: ["name", "summary", "description", "type", "default", "deprecated", "readonly", "optional", "rest"],
  return: ["type", "summary", "description"],
};

function shape(object, kind, where) {
  assert.ok(typeof object === "object" && object !== null && !Array.isArray(object), `${where} is an object`);
  for (const key of Object.keys(object)) assert.ok(KEYS[kind].includes(key), `${where}: "${key}" is not in the schema`);
}

function typeShape(type, where) {
  shape(type, "type", where);
  assert.equal(typeof type.text, "string", `${where}.text`);
  assert.ok(type.text.trim(), `${where}.text is not empty`);
}

/** A list of named, described entries with no name twice; `kind` may depend on the entry. */
function describedList(list, kind, where, check = () => {}) {
  assert.ok(Array.isArray(list) && list.length > 0, `${where} is a list`);
  assert.equal(new Set(names(list)).size, list.length, `${where}: no name twice`);
  for (const entry of list) {
    const at = `${where} "${entry.name}"`;
    shape(entry, typeof kind === "function" ? kind(entry) : kind, at);
    assert.equal(typeof entry.name, "string", `${at}: name`);
    assert.ok(typeof entry.description === "string" && entry.description.trim(), `${at}: description`);
    check(entry, at);
  }
}

test("the manifest is a Custom Elements Manifest (schema 2.x) with one element fully described", () => {
  shape(manifest, "package", "the manifest");
  assert.match(manifest.schemaVersion, /^2\.\d+\.\d+$/);
  assert.ok(Array.isArray(manifest.modules) && manifest.modules.length > 0, "modules");
  for (const module of manifest.modules) {
    shape(module, "module", `module ${module.path}`);
    assert.equal(module.kind, "javascript-module");
    assert.match(module.path, /^[^./][^:]*\.js$/, "a path inside the package, without ./");
    for (const d of module.declarations) {
      assert.ok(["class", "function"].includes(d.kind), `declaration ${d.name}: a class or a function`);
      shape(d, d.kind, `declaration ${d.name}`);
      if (d.kind === "function") {
        for (const p of d.parameters ?? []) {
          shape(p, "parameter", `${d.name}(${p.name})`);
          typeShape(p.type, `${d.name}(${p.name}) type`);
        }
        shape(d.return, "return", `${d.name} return`);
        typeShape(d.return.type, `${d.name} return type`);
      }
    }
    for (const e of module.exports) {
      shape(e, "export", `export ${e.name}`);
      shape(e.declaration, "reference", `export ${e.name}'s declaration`);
      assert.ok(["js", "custom-element-definition"].includes(e.kind), `export ${e.name}: kind`);
      // Every export is of a declaration this manifest describes.
      const target = manifest.modules.find((m) => m.path === (e.declaration.module ?? module.path));
      assert.ok(target?.declarations.some((d) => d.name === e.declaration.name), `export ${e.name} refers to a declaration`);
    }
  }

  assert.ok(element, "a declaration with customElement: true");
  assert.equal(declarations.filter((d) => d.customElement).length, 1, "one element");
  assert.equal(element.kind, "class");
  assert.match(element.tagName, /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/, "a valid custom element name");
  assert.deepEqual(element.superclass, { name: "HTMLElement", package: "global:" });
  const definitions = manifest.modules.flatMap((m) => m.exports.filter((e) => e.kind === "custom-element-definition"));
  assert.deepEqual(definitions.map((e) => [e.name, e.declaration.name]), [[element.tagName, element.name]], "its definition is exported");

  describedList(element.attributes, "attribute", "attribute", (a, at) => {
    typeShape(a.type, `${at} type`);
    if ("default" in a) assert.equal(typeof a.default, "string", `${at}: an attribute's default is its text`);
    const values = literals(a.type.text);
    if (values && "default" in a) assert.ok(values.includes(a.default), `${at}: the default is one of the values`);
    if (a.type.text === "number" && "default" in a) assert.match(a.default, /^\d+$/, `${at}: a whole number`);
  });
  describedList(element.members, (m) => (m.kind === "method" ? "method" : "field"), "member", (m, at) => {
    assert.ok(["field", "method"].includes(m.kind), `${at}: a field or a method`);
    if (m.kind === "field") {
      typeShape(m.type, `${at} type`);
      if ("readonly" in m) assert.equal(m.readonly, true, `${at}: readonly is written only when true`);
    } else {
      for (const p of m.parameters ?? []) {
        shape(p, "parameter", `${at}(${p.name})`);
        typeShape(p.type, `${at}(${p.name}) type`);
      }
      shape(m.return, "return", `${at} return`);
      typeShape(m.return.type, `${at} return type`);
    }
  });
  describedList(element.events, "event", "event", (e, at) => {
    typeShape(e.type, `${at} type`);
    assert.match(e.type.text, /^CustomEvent<\w+>$/, `${at}: a CustomEvent with a detail type`);
  });
  describedList(element.slots, "named", "slot");
  describedList(element.cssParts, "named", "part", (p, at) => assert.match(p.name, /^[a-z][a-z-]*$/, at));
  describedList(element.cssProperties, "cssProperty", "custom property", (p, at) => {
    assert.match(p.name, /^--newsreel-[a-z-]+$/, `${at}: ours`);
    assert.equal(typeof p.default, "string", `${at}: a default`);
  });
});

// ---------------------------------------------------------------- the package

test("pkg/ ships the manifest, named by package.json's customElements and exported", () => {
  const pkg = JSON.parse(read("pkg/package.json"));
  assert.equal(pkg.customElements, "./custom-elements.json");
  const shippedPath = "pkg/" + pkg.customElements.replace(/^\.\//, "");
  assert.ok(existsSync(ROOT + shippedPath), `${shippedPath} exists`);
  assert.equal(read(shippedPath), read(MANIFEST_SOURCE), "the shipped manifest is crates/newsreel/js/custom-elements.json");
  assert.ok(pkg.files.includes("custom-elements.json"), "in files, so npm packs it");
  assert.equal(pkg.exports["./custom-elements.json"], pkg.customElements, "importable, for tools that resolve it");
  for (const module of manifest.modules) {
    assert.ok(existsSync(ROOT + "pkg/" + module.path), `the module ${module.path} is in pkg/`);
    assert.ok(pkg.files.includes(module.path), `the module ${module.path} is packed`);
  }
});

// ---------------------------------------------------------------- the sources

test("the custom properties are those the stylesheet reads, with its defaults", () => {
  const css = read("crates/newsreel-core/src/view/styles.css");
  // Every var(--newsreel-…, fallback), the fallback up to its closing bracket.
  const fallbacks = new Map();
  for (const m of css.matchAll(/var\((--newsreel-[a-z-]+)\s*,/g)) {
    let depth = 1;
    let i = m.index + m[0].length;
    const from = i;
    for (; depth > 0; i++) {
      if (css[i] === "(") depth++;
      else if (css[i] === ")") depth--;
    }
    const list = fallbacks.get(m[1]) ?? [];
    list.push(css.slice(from, i - 1).trim());
    fallbacks.set(m[1], list);
  }
  assert.ok(!/var\(--newsreel-[a-z-]+\)/.test(css), "every custom property has a fallback, the default");
  sameNames([...fallbacks.keys()], properties, "custom properties: styles.css and the manifest");
  for (const property of element.cssProperties.filter((p) => fallbacks.has(p.name))) {
    const [first, ...others] = fallbacks.get(property.name);
    assert.equal(property.default, first, `${property.name}: the default is the stylesheet's (light) fallback`);
    for (const other of others.filter((o) => o !== first)) {
      assert.ok(property.description.includes("`" + other + "`"), `${property.name}: its description gives the other default, ${other}`);
    }
  }
});

test("the events are those the code dispatches and index.d.ts types, with the same detail types", () => {
  const dispatched = [...code([...RUST, ...JS]).matchAll(/["'](newsreel:[a-z][a-z-]*)["']/g)].map((m) => m[1]);
  sameNames(dispatched, events, "events: the sources and the manifest");
  const map = dtsInterface("NewsReelEventMap");
  sameNames(Object.keys(map), events, "events: NewsReelEventMap and the manifest");
  for (const event of element.events) {
    assert.equal(event.type.text, map[event.name].type, `${event.name}: the type of index.d.ts`);
    // The detail type is declared (and exported) by index.d.ts.
    const detail = /^CustomEvent<(\w+)>$/.exec(event.type.text)[1];
    assert.match(DTS, new RegExp(`export interface ${detail}\\b`), `${detail} is exported`);
  }
});

/** The part names the sources give elements, or look elements up by. */
function sourceParts() {
  const source = code([...RUST, ...JS]);
  const given = [];
  // ("part", "x"), set_attr(e, "part", "x"), setAttribute("part", "x"), and
  // ("part", if fresh { "item new" } else { "item" }): the literals of the value.
  for (const m of source.matchAll(/["']part["']\s*,\s*([^)]*)\)/g)) {
    for (const literal of m[1].matchAll(/["']([^"']+)["']/g)) given.push(...literal[1].split(/\s+/));
  }
  // time_el(…, Some("date")): a part given through a parameter.
  for (const m of source.matchAll(/time_el\([^;]*?Some\("([^"]+)"\)/g)) given.push(m[1]);
  // The stylesheet's selectors and the code's queries.
  const selectors = source + read("crates/newsreel-core/src/view/styles.css");
  const queried = [...selectors.matchAll(/\[part[~|^$*]?=["']?([a-z-]+)/g)].map((m) => m[1]);
  return { given, queried };
}

test("the parts are those the shadow DOM is built with", () => {
  const { given, queried } = sourceParts();
  sameNames(given, parts, "parts: the sources and the manifest");
  for (const name of queried) assert.ok(parts.includes(name), `the sources look up the part ${name}, which the manifest lists`);
});

test("the attributes are those the code reads and writes on the element", () => {
  const rust = code(RUST);
  const used = [
    ...rust.matchAll(/\b(?:attr|inherited_attr|set_attr|set_flag|remove_attr)\(\s*&?(?:self\.)?host\s*,\s*"([^"]+)"/g),
    ...rust.matchAll(/\bhost\.(?:has_attribute|get_attribute|set_attribute|remove_attribute)\(\s*"([^"]+)"/g),
    ...rust.matchAll(/\battr_number\(\s*"([^"]+)"/g),
  ].map((m) => m[1]);
  assert.ok(used.length > 10, "the patterns still find the element's attributes");
  for (const name of used) assert.ok(attributes.includes(name), `the widget uses the attribute ${name}, which the manifest lists`);
  // The other way, more loosely (a name may be read through a table): each
  // attribute is a string in the shell or element.js.
  const strings = new Set([...code([...RUST, "crates/newsreel/src/element.js"]).matchAll(/"([a-z][a-z-]*)"/g)].map((m) => m[1]));
  sameNames(attributes.filter((a) => strings.has(a)), attributes, "attributes: named in the sources");
});

test("the members and the entry function are those of index.d.ts", () => {
  const declared = dtsInterface("NewsReelElement");
  // addEventListener and removeEventListener are typed for the events, not new members.
  const own = Object.keys(declared).filter((n) => !["addEventListener", "removeEventListener"].includes(n));
  sameNames(own, names(element.members), "members: NewsReelElement and the manifest");
  for (const member of element.members) {
    const d = declared[member.name];
    assert.equal(d.kind, member.kind, `${member.name}: a ${member.kind}`);
    if (member.kind === "field") {
      assert.equal(member.type.text, d.type, `${member.name}: type`);
      assert.equal(Boolean(member.readonly), d.readonly, `${member.name}: readonly`);
    } else {
      assert.deepEqual(manifestParameters(member.parameters), d.parameters, `${member.name}: parameters`);
      assert.equal(member.return.type.text, d.return, `${member.name}: return type`);
    }
  }
  const tagMap = dtsInterface("HTMLElementTagNameMap");
  assert.deepEqual(Object.keys(tagMap), [element.tagName], "HTMLElementTagNameMap has the element's tag");
  assert.equal(tagMap[element.tagName].type, element.name, "and its type has the element's name");

  const entry = manifest.modules.find((m) => m.path === "index.js");
  const exported = entry.exports.filter((e) => e.kind === "js");
  const dtsExports = [
    ...DTS.matchAll(/^export (?:declare )?function (\w+)/gm),
    ...DTS.matchAll(/^export default (\w+)/gm),
  ].map((m) => (m[0].startsWith("export default") ? "default" : m[1]));
  assert.deepEqual(names(exported).sort(), dtsExports.sort(), "the module's exports are those of index.d.ts");
  for (const fn of entry.declarations.filter((d) => d.kind === "function")) {
    const m = new RegExp(`export (?:declare )?function ${fn.name}\\(([^)]*)\\)\\s*:\\s*([^;]+);`).exec(DTS);
    assert.ok(m, `index.d.ts declares ${fn.name}`);
    assert.deepEqual(manifestParameters(fn.parameters), parameters(m[1]), `${fn.name}: parameters`);
    assert.equal(fn.return.type.text, m[2].trim(), `${fn.name}: return type`);
  }
});

test("the README documents the same attributes, values, defaults, members, events, parts and custom properties", () => {
  const rows = tableRows(section("### Attributes"));
  sameNames([...rows.keys()], attributes, "attributes: the README's table and the manifest");
  for (const a of element.attributes.filter((a) => rows.has(a.name))) {
    const row = rows.get(a.name);
    for (const value of literals(a.type.text) ?? []) {
      assert.ok(row.includes("`" + value + "`"), `README: ${a.name}'s value ${value}`);
    }
    if ("default" in a) assert.match(row, new RegExp(`\\b${a.default}\\b`), `README: ${a.name}'s default ${a.default}`);
  }
  const documented = spans(section("### Methods and properties")).filter((s) => /^\w+(\(.*\))?$/.test(s));
  sameNames(documented.map((s) => s.replace(/\(.*/, "")), names(element.members), "members: the README and the manifest");
  for (const s of documented) {
    const kind = s.includes("(") ? "method" : "field";
    assert.equal(element.members.find((m) => m.name === s.replace(/\(.*/, ""))?.kind, kind, `README: ${s} is a ${kind}`);
  }
  sameNames([...tableRows(section("### Events (bubbling, composed)")).keys()], events, "events: the README and the manifest");
  sameNames(spans(section("### Parts")).filter((s) => /^[a-z][a-z-]*$/.test(s)), parts, "parts: the README and the manifest");
  sameNames(spans(section("## Theming")).filter((s) => s.startsWith("--newsreel-")), properties, "custom properties: the README and the manifest");
});

// ---------------------------------------------------------------- in the browser

const PAGE = "/tests/e2e/pages/manifest/package.html";
const FEED = "/feeds/manifest.xml";

// The feed of the refresh scenario: `feed.items`, or a 500 while `feed.failing`.
const feed = { items: [], failing: false };
function rss(items) {
  const entries = items.map((id) =>
    `<item><title>Story ${id}, a headline long enough to need the marquee's scroll</title>` +
    `<link>https://news.example/${id}</link><guid>https://news.example/${id}</guid>` +
    "<pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate></item>");
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Desk</title>` +
    `<link>https://news.example/</link>${entries.join("")}</channel></rss>`;
}
function handle(req, res) {
  if (new URL(req.url, "http://localhost").pathname !== FEED) return false;
  if (feed.failing) res.writeHead(500, { "content-type": "text/plain" }).end("down");
  else res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss(feed.items));
  return true;
}

let env;
before(async () => { env = await start(undefined, handle); });
after(async () => { await env?.close(); });

// An article with every field the article view shows, and enough long
// headlines that the marquee cannot fit them and scrolls (with its loop copy).
const DATA = {
  title: "Desk",
  article: {
    id: "main", headline: "The main story", datePublished: "2026-11-03T09:00:00Z", author: [{ name: "Ann Lee" }],
    publisher: { name: "The Desk" }, image: { url: "/www/screenshots/demo.png", width: 640, height: 360 },
    url: "/news/main", articleBody: "<p>First paragraph.</p><p>Second paragraph.</p>",
  },
  latest: Array.from({ length: 8 }, (_, i) => ({
    id: `n${i}`, headline: `Headline ${i}, long enough that eight of them never fit on one line of the ticker`,
    datePublished: `2026-11-0${i + 1}`, url: `/news/n${i}`,
  })),
};

/**
 * In the page: makes a `<news-reel>` with `attrs`, records what it does
 * (every event it dispatches, every attribute written on it, the part
 * tokens in its shadow root whenever `window.reel.collect()` is called) and
 * appends it. Runs before the widget exists, so nothing is missed.
 */
function watchReel(attrs) {
  const el = document.createElement("news-reel");
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const reel = { el, events: [], written: {}, parts: [] };
  // Every event, whatever its type, is dispatched through here.
  const dispatch = el.dispatchEvent;
  el.dispatchEvent = function (event) {
    const detail = event.detail;
    reel.events.push({
      type: event.type, custom: event instanceof CustomEvent, bubbles: event.bubbles, composed: event.composed,
      detail: detail && typeof detail === "object" ? Object.keys(detail).sort() : null,
    });
    return dispatch.call(this, event);
  };
  new MutationObserver((records) => {
    for (const r of records) (reel.written[r.attributeName] ??= []).push(el.getAttribute(r.attributeName));
  }).observe(el, { attributes: true });
  reel.collect = () => {
    for (const e of el.shadowRoot.querySelectorAll("[part]")) reel.parts.push(...e.getAttribute("part").split(/\s+/).filter(Boolean));
  };
  window.reel = reel;
  document.querySelector("#app").append(el);
  return el;
}

/** What a scenario recorded, and what the shadow root has: slots and the custom properties of its stylesheets. */
const recorded = (page) => page.evaluate(() => {
  const { el, events, written, parts } = window.reel;
  const root = el.shadowRoot;
  const css = root.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join("\n");
  return {
    events, written, parts,
    slots: [...root.querySelectorAll("slot")].map((s) => s.name),
    properties: [...new Set(css.match(/--newsreel-[a-z-]+/g))],
  };
});

test("the package's module exports, tag name, observed attributes and prototype are the manifest's", async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(env.url + PAGE);
  const found = await page.evaluate(async ({ tagName, data, calls }) => {
    const defined = await window.defined;
    const Element = customElements.get(tagName);
    const proto = Element.prototype;
    // The callbacks are the browser's business, not the element's API.
    const lifecycle = ["constructor", "connectedCallback", "disconnectedCallback", "adoptedCallback",
      "attributeChangedCallback", "connectedMoveCallback"];
    const members = Object.getOwnPropertyNames(proto).filter((n) => !lifecycle.includes(n)).map((name) => {
      const d = Object.getOwnPropertyDescriptor(proto, name);
      return typeof d.value === "function"
        ? { name, kind: "method", length: d.value.length }
        : { name, kind: d.get ? "field" : "value", readonly: !d.set };
    });
    // Values and results, on an element with data.
    const el = document.createElement(tagName);
    document.querySelector("#app").append(el);
    el.load(data);
    const values = {};
    for (const m of members.filter((m) => m.kind === "field")) {
      const v = el[m.name];
      values[m.name] = { type: Array.isArray(v) ? "array" : v === null ? "null" : typeof v, keys: Array.isArray(v) && v[0] ? Object.keys(v[0]).sort() : null };
    }
    const results = {};
    for (const [name, args] of Object.entries(calls)) {
      if (typeof el[name] !== "function") continue;
      const r = el[name](...args);
      results[name] = r === undefined ? "undefined" : typeof r;
    }
    return {
      defined,
      exports: Object.keys(window.entry).sort(),
      defaultIsNamed: window.entry.default === window.entry.defineNewsReel,
      observed: [...Element.observedAttributes],
      statics: Object.getOwnPropertyNames(Element).filter((n) => !["length", "name", "prototype", "observedAttributes"].includes(n)),
      symbols: Object.getOwnPropertySymbols(proto).length,
      members, values, results,
    };
  }, {
    tagName: element.tagName,
    data: JSON.stringify(DATA),
    // A call of each method, to see what it returns.
    calls: { load: [JSON.stringify(DATA)], select: ["n1"], play: [], pause: [], next: [], prev: [] },
  });

  assert.equal(found.defined, true, `defineNewsReel() with no options defines <${element.tagName}>`);
  const entry = manifest.modules.find((m) => m.path === "index.js");
  assert.deepEqual(found.exports, names(entry.exports.filter((e) => e.kind === "js")).sort(), "pkg/index.js exports");
  assert.ok(found.defaultIsNamed, "the default export is defineNewsReel");

  // Every observed attribute is listed; those listed but not observed are
  // the two the widget sets itself (seen set in the next test), `history`,
  // read when an article opens, and `server-rendered`, read once when the
  // widget takes a server's shadow root over.
  for (const name of found.observed) assert.ok(attributes.includes(name), `observed attribute ${name} is in the manifest`);
  const unobserved = ["state", "stale", "history", "server-rendered"];
  sameNames([...found.observed, ...unobserved], attributes, "attributes: observedAttributes and the manifest");

  assert.deepEqual(found.statics, [], "no static members beyond observedAttributes");
  assert.equal(found.symbols, 0, "no symbol-named members");
  sameNames(names(found.members), names(element.members), "members: the prototype and the manifest");
  for (const member of found.members) {
    const listed = element.members.find((m) => m.name === member.name);
    assert.equal(member.kind, listed.kind, `${member.name}: a ${listed.kind}`);
    if (member.kind === "field") {
      assert.equal(member.readonly, Boolean(listed.readonly), `${member.name}: readonly (a getter without a setter)`);
      const type = listed.type.text;
      const value = found.values[member.name];
      const expected = type.endsWith("[]") ? "array" : ["boolean", "number", "string"].includes(type) ? type : "object";
      assert.equal(value.type, expected, `${member.name} holds a ${type}`);
      if (value.keys) {
        const item = dtsInterface(type.slice(0, -2));
        assert.deepEqual(value.keys, Object.keys(item).sort(), `${member.name}: each item has the fields of ${type.slice(0, -2)}`);
      }
    } else {
      const required = (listed.parameters ?? []).filter((p) => !p.optional && !p.rest).length;
      assert.equal(member.length, required, `${member.name}: ${required} parameter(s)`);
      assert.ok(member.name in found.results, `${member.name}: the test calls it (add it to calls)`);
      const returns = listed.return.type.text;
      assert.equal(found.results[member.name], returns === "void" ? "undefined" : returns, `${member.name} returns ${returns}`);
    }
  }
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("rendered in every mode and view, with an error, a refresh and a stale feed: the parts, events, slots, attributes and custom properties are the manifest's", async () => {
  const modes = literals(element.attributes.find((a) => a.name === "mode").type.text);
  const views = literals(element.attributes.find((a) => a.name === "view").type.text);

  // Data by load(): the article view with every field, each mode and view,
  // a select() and then bad data.
  const first = await openPage(env.browser);
  await first.page.goto(env.url + PAGE);
  await first.page.evaluate(`window.watchReel = ${watchReel}`);
  await first.page.evaluate(async (data) => {
    await window.defined;
    window.watchReel({}).load(data);
  }, JSON.stringify(DATA));
  await settled(first.page);
  await first.page.evaluate(({ modes, views }) => {
    const { el, collect } = window.reel;
    collect();
    for (const view of views) {
      for (const mode of modes) {
        el.setAttribute("view", view);
        el.setAttribute("mode", mode);
        collect();
      }
    }
    el.setAttribute("view", "both");
    el.select("n1");
    collect();
    el.load("{");
    collect();
  }, { modes, views });
  const data = await recorded(first.page);
  await first.context.close();

  // A feed by src, on a fake clock: loaded, refreshed with a new headline
  // (the part `new`), then failing (the attribute and part `stale`).
  feed.items = ["a", "b", "c", "d", "e", "f"];
  feed.failing = false;
  const second = await openPage(env.browser);
  await second.context.clock.install();
  await second.page.goto(env.url + PAGE);
  await second.page.evaluate(`window.watchReel = ${watchReel}`);
  await second.page.evaluate(async (src) => {
    await window.defined;
    window.watchReel({ src, refresh: "5" });
  }, FEED);
  await settled(second.page);
  feed.items = ["g", ...feed.items];
  await second.context.clock.fastForward(5100);
  await second.page.waitForFunction(() => window.reel.events.some((e) => e.type === "newsreel:update"), null, { timeout: 10000 });
  await second.page.evaluate(() => window.reel.collect());
  feed.failing = true;
  await second.context.clock.fastForward(5100);
  await second.page.waitForFunction(() => window.reel.el.hasAttribute("stale"), null, { timeout: 10000 });
  await second.page.evaluate(() => window.reel.collect());
  const refreshed = await recorded(second.page);
  await second.context.close();

  sameNames([...data.parts, ...refreshed.parts], parts, "parts: the shadow DOM and the manifest");

  const seen = [...data.events, ...refreshed.events];
  sameNames(seen.map((e) => e.type), events, "events: those dispatched and the manifest");
  for (const e of seen) {
    const listed = element.events.find((x) => x.name === e.type);
    assert.ok(e.custom && e.bubbles && e.composed, `${e.type}: a CustomEvent that bubbles and is composed`);
    const detail = dtsInterface(/^CustomEvent<(\w+)>$/.exec(listed.type.text)[1]);
    assert.deepEqual(e.detail, Object.keys(detail).sort(), `${e.type}: its detail has the fields of ${listed.type.text}`);
  }

  // The attributes the widget writes on its element (the test's own are
  // view, mode, src and refresh): listed, with listed values.
  const ours = ["view", "mode", "src", "refresh"];
  const written = {};
  for (const w of [data.written, refreshed.written]) {
    for (const [name, values] of Object.entries(w).filter(([name]) => !ours.includes(name))) {
      written[name] = [...(written[name] ?? []), ...values];
    }
  }
  for (const name of ["state", "stale"]) assert.ok(name in written, `the widget sets ${name} on its element`);
  for (const [name, values] of Object.entries(written)) {
    const listed = element.attributes.find((a) => a.name === name);
    assert.ok(listed, `the widget sets ${name}, which the manifest lists`);
    const allowed = literals(listed.type.text);
    for (const value of values.filter((v) => v !== null)) {
      if (allowed) assert.ok(allowed.includes(value), `${name}="${value}" is one of ${listed.type.text}`);
      else if (listed.type.text === "boolean") assert.equal(value, "", `${name} is a boolean attribute`);
    }
  }

  for (const r of [data, refreshed]) {
    assert.deepEqual(r.slots, names(element.slots), "slots: the shadow root and the manifest");
    sameNames(r.properties, properties, "custom properties: the element's stylesheet and the manifest");
  }
  assert.deepEqual([...first.problems.pageErrors, ...second.problems.pageErrors], []);
});
