// Deliberate misuse: each line under `@ts-expect-error` must be a type error.
// If the declarations decayed to `any`, these lines would type-check, the
// directives would be unused, and `npm run typecheck` would fail.
// Only type-checked, never bundled or run.
import { defineNewsReel } from "newsreel";

export function misuse(): void {
  const reel = document.querySelector("news-reel")!;

  // @ts-expect-error load() takes a JSON string or an object, not a number
  reel.load(42);
  // @ts-expect-error select() takes an article id
  reel.select();
  // @ts-expect-error `articles` is read-only
  reel.articles = [];
  // @ts-expect-error `paused` is read-only
  reel.paused = true;
  // @ts-expect-error there is no such method
  reel.refresh();
  // @ts-expect-error strings are texts
  reel.strings = { pause: 1 };
  // @ts-expect-error there is no such string
  reel.strings = { pauseButton: "Stop" };
  // @ts-expect-error not one text for all of them
  reel.strings = "Stop";
  // @ts-expect-error plural texts are by plural category
  reel.strings = { newHeadlines: { several: "{n} new stories" } };

  reel.addEventListener("newsreel:select", (event) => {
    // @ts-expect-error the id is a string
    const id: number = event.detail.id;
    // @ts-expect-error a select event has no count
    const count: number = event.detail.count;
    void [id, count];
  });
  reel.addEventListener("newsreel:navigate", (event) => {
    // @ts-expect-error a link followed always has a URL
    const url: null = event.detail.url;
    // @ts-expect-error a navigate event has no warnings
    const warnings: string[] = event.detail.warnings;
    void [url, warnings];
  });
  reel.addEventListener("newsreel:ready", (event) => {
    // @ts-expect-error warnings are strings
    const first: number = event.detail.warnings[0]!;
    void first;
  });

  const article = reel.articles[0]!;
  // @ts-expect-error url may be null
  const url: string = article.url;
  void url;

  // @ts-expect-error the tag name is a string
  void defineNewsReel({ tagName: 5 });
  // @ts-expect-error unknown option
  void defineNewsReel({ wasm: "x.wasm" });
  // @ts-expect-error defineNewsReel resolves to a boolean
  void defineNewsReel().then((defined: string) => defined);
}
