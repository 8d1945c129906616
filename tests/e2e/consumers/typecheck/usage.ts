// Correct uses of the public API that must type-check without a cast.
// Only type-checked (npm run typecheck), never bundled or run.
import defineNewsReelDefault, {
  defineNewsReel,
  type DefineOptions,
  type NewsReelArticle,
  type NewsReelElement,
  type NewsReelErrorDetail,
  type NewsReelNavigateDetail,
  type NewsReelReadyDetail,
  type NewsReelStrings,
} from "newsreel";

export async function usage(): Promise<void> {
  const options: DefineOptions = { tagName: "news-reel", wasmUrl: new URL("/newsreel_bg.wasm", location.href) };
  const defined: boolean = await defineNewsReel(options);
  const again: boolean = await defineNewsReelDefault();

  // The tag name maps to the element type, both ways of getting one.
  const found = document.querySelector("news-reel")!;
  found.load('{"latest": []}');
  const made: NewsReelElement = document.createElement("news-reel");
  made.load({ latest: [{ headline: "Hello" }] });

  const opened: boolean = made.select("n1");
  made.play();
  made.pause();
  made.next();
  made.prev();
  const paused: boolean = made.paused;
  const first: NewsReelArticle | undefined = made.articles[0];
  const when: string | null | undefined = first?.datePublished;

  // The texts: set in part, reset with null, read whole (plural texts as an object).
  made.strings = { pause: "Stop", newHeadlines: "{n} new stories" };
  made.strings = { newHeadlines: { one: "{n} new story", other: "{n} new stories" } };
  made.strings = null;
  const strings: NewsReelStrings = made.strings;
  const other: string | undefined = made.strings.newHeadlines.other;

  // Event listeners get the detail type of their event.
  made.addEventListener("newsreel:ready", (event) => {
    const detail: NewsReelReadyDetail = event.detail;
    const count: number = event.detail.count;
    const warnings: string[] = event.detail.warnings;
    void [detail, count, warnings];
  });
  made.addEventListener("newsreel:error", (event) => {
    const detail: NewsReelErrorDetail = event.detail;
    const message: string = detail.message;
    void message;
  });
  const onSelect = (event: CustomEvent<{ id: string; url: string | null }>) => {
    const id: string = event.detail.id;
    void id;
  };
  found.addEventListener("newsreel:select", onSelect);
  found.removeEventListener("newsreel:select", onSelect);
  // A router takes over the links the widget follows.
  found.addEventListener("newsreel:navigate", (event) => {
    const detail: NewsReelNavigateDetail = event.detail;
    const url: string = event.detail.url;
    if (event.cancelable) event.preventDefault();
    void [detail, url];
  });
  // Ordinary DOM events keep their own types.
  found.addEventListener("click", (event) => {
    const x: number = event.clientX;
    void x;
  });

  void [defined, again, opened, paused, when, strings, other];
}
