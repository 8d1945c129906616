// Shared set-up for the end-to-end tests: Debian's Chromium driven by
// playwright-core (never a downloaded browser), and the repository served
// over http on a free loopback port.
import { chromium } from "../../tools/node_modules/playwright-core/index.mjs";
import { mkdirSync } from "node:fs";
import { serve } from "../../tools/serve.mjs";

export const ROOT = new URL("../..", import.meta.url).pathname;
export const SCREENSHOTS = ROOT + "target/screenshots/";

const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/**
 * Starts Chromium and a server; returns { browser, url, close }. `handle`
 * may answer requests itself (see tools/serve.mjs).
 */
export async function start(headersFor, handle) {
  const { server, url } = await serve(ROOT, 0, headersFor, handle);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    browser,
    url,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/**
 * Opens a page that records what must never happen: uncaught exceptions,
 * console errors, dialogs. `problems` lists them.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = { pageErrors: [], consoleErrors: [], dialogs: [] };
  page.on("pageerror", (e) => problems.pageErrors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") problems.consoleErrors.push(m.text()); });
  page.on("dialog", (d) => { problems.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  return { page, context, problems };
}

/**
 * Waits until <news-reel>'s module has started, so that a widget renders in
 * the call that gives it its data. The script-tag build defines the element
 * at once and starts its module when the first one is in the document: a
 * hidden element with one headline is put in until its widget exists.
 */
export async function moduleStarted(page) {
  await page.evaluate(async () => {
    await customElements.whenDefined("news-reel");
    const probe = document.createElement("news-reel");
    probe.hidden = true;
    probe.load({ format: "newsreel/1", latest: [{ id: "probe", headline: "Probe" }] });
    document.body.append(probe);
    while (!probe.hasAttribute("state")) await new Promise((resolve) => setTimeout(resolve, 10));
    probe.remove();
  });
}

/** Waits until every <news-reel> on the page has left the loading state. */
export async function settled(page, selector = "news-reel") {
  await page.waitForFunction(
    (sel) => {
      const all = [...document.querySelectorAll(sel)];
      // At least one: a page may add its widgets after it has loaded.
      return all.length > 0 && all.every((e) => {
        const s = e.getAttribute("state");
        return s === "ready" || s === "error";
      });
    },
    selector,
    { timeout: 15000 },
  );
}

/**
 * axe-core's violations on the page, one line each. `pause` first pauses
 * the first <news-reel>, as a reader who stops it meets it (and so that
 * colour contrast is measurable on still text). WCAG 2.2's target size
 * (2.5.8), which axe leaves off by default, is checked too.
 */
export async function axeViolations(page, { pause = true } = {}) {
  await page.addScriptTag({ path: ROOT + "tools/node_modules/axe-core/axe.min.js" });
  return page.evaluate(async (pause) => {
    if (pause) {
      const widget = document.querySelector("news-reel");
      widget.pause();
      // Checked where a reader first sees it, the lane at its start: paused a
      // moment later, a headline's link can straddle the viewport's edge,
      // and axe measures its whole box, not the part the viewport shows, as
      // if it reached under the Pause button (target-size). Where the marquee
      // happens to stand when paused is timing, not the widget.
      for (const scroll of widget.shadowRoot?.querySelector(".lane")?.getAnimations() ?? []) scroll.currentTime = 0;
    }
    const r = await window.axe.run(document, { resultTypes: ["violations"], rules: { "target-size": { enabled: true } } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  }, pause);
}
