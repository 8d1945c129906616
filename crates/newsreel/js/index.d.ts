// Types of the newsreel npm package: the entry function, the <news-reel>
// element, its attributes and its events. The typings for React's JSX and
// Vue's templates are entries of their own (react.d.ts, vue.d.ts), so that
// this file needs neither framework.

export interface DefineOptions {
  /** Custom element name; default "news-reel". */
  tagName?: string;
  /** Where the .wasm file is, when a bundler moves it somewhere unusual. */
  wasmUrl?: string | URL;
}

/**
 * Starts the WebAssembly module once and defines the custom element.
 * Resolves to true when the element was defined, false when the name was taken.
 */
export function defineNewsReel(options?: DefineOptions): Promise<boolean>;
export default defineNewsReel;

/** One article as listed by `element.articles`. */
export interface NewsReelArticle {
  id: string;
  headline: string;
  /** The article's link; undefined when the data gives none. */
  url: string | null;
  /** ISO date (`2026-01-15`) or date-time (`2026-01-15T10:30:00Z`); undefined when unknown. */
  datePublished: string | null;
}

export interface NewsReelReadyDetail {
  /** How many articles the data held (before the ticker was capped by max-items or filtered by tags). */
  count: number;
  /** How many headlines the ticker shows. */
  shown: number;
  /** Problems with single fields or items that did not stop rendering. */
  warnings: string[];
}

export interface NewsReelErrorDetail {
  /** What went wrong and where. */
  message: string;
  /** For a feed loaded by `src`: the HTTP status (0 when no response came); else null. */
  status: number | null;
  /** For a feed loaded by `src`: its URL as given; else null. */
  url: string | null;
}

/** `newsreel:update`: a refresh of `src` changed the ticker. */
export interface NewsReelUpdateDetail {
  /** Articles in the new data. */
  count: number;
  /** Ids of the headlines the refresh brought. */
  added: string[];
  /** Ids of the headlines that left. */
  removed: string[];
}

export interface NewsReelSelectDetail {
  id: string;
  url: string | null;
}

export interface NewsReelEventMap extends HTMLElementEventMap {
  "newsreel:ready": CustomEvent<NewsReelReadyDetail>;
  "newsreel:error": CustomEvent<NewsReelErrorDetail>;
  "newsreel:update": CustomEvent<NewsReelUpdateDetail>;
  "newsreel:select": CustomEvent<NewsReelSelectDetail>;
}

/** A plural message: its text for each plural category of the language (`{n}` stands for the number). */
export type NewsReelPluralText = Partial<Record<Intl.LDMLPluralRule, string>>;

/**
 * The texts the widget shows and announces, in place of its built-in
 * translations. `{n}` and `{url}` stand for the number and the feed's URL.
 */
export interface NewsReelStrings {
  /** The ticker's name: "Latest news". */
  label: string;
  /** The pause button's text and accessible name: "Pause". */
  pause: string;
  /** The same button while paused: "Play". */
  play: string;
  /** Accessible name of the ‹ control: "Previous headline". */
  prev: string;
  /** Accessible name of the › control: "Next headline". */
  next: string;
  /** What the live region says after a refresh: "{n} new headlines"; one text, or one per plural category. */
  newHeadlines: string | NewsReelPluralText;
  /** The error state's text: "The news could not be shown". */
  notShown: string;
  /** The stale notice: "The news could not be updated". */
  notUpdated: string;
  /** A feed that could not be fetched: "could not load {url}". */
  notLoaded: string;
  /** The article view's link to the article's own page: "Read the full article". */
  readMore: string;
}

/** An integer attribute: a number, or its digits as a string. */
export type NewsReelInteger = number | `${number}`;

/**
 * The attributes a page sets on `<news-reel>`, each with the values it takes
 * (the framework typings, `newsreel/react` and `newsreel/vue`, build on it).
 * `state` and `stale` are set by the widget and are not listed.
 */
export interface NewsReelAttributes {
  /** URL of a feed (JSON, RSS or Atom); wins over `source` and inline data. */
  src?: string;
  /** With `src`: poll every this many seconds (at least 5). */
  refresh?: NewsReelInteger;
  /** With `src`: `lazy` fetches only when the widget comes near the viewport. */
  loading?: "lazy" | "eager";
  /** CSS selector of the element that holds the JSON. */
  source?: string;
  /** Id of the article the view opens with. */
  article?: string;
  /** Comma-separated tags: the ticker shows only the articles with one of them. */
  tags?: string;
  /** `both` (default), `ticker` (the headlines alone, as links) or `article` (the view alone). */
  view?: "both" | "ticker" | "article";
  /** `marquee` (default), `slide`, `list` (static) or `vertical` (rows scrolling up). */
  mode?: "marquee" | "slide" | "list" | "vertical";
  /** With `mode="vertical"`: how many headlines show at once (default 3). */
  rows?: NewsReelInteger;
  /** Marquee speed in px/s (default 60). */
  speed?: NewsReelInteger;
  /** Slide interval in ms (default 5000). */
  interval?: NewsReelInteger;
  /** Longest ticker (default 50). */
  "max-items"?: NewsReelInteger;
  /** The ticker's label (default: the data's title, else "Latest news"). */
  label?: string;
  /** The pause button's text, in place of the translated "Pause". */
  "pause-label"?: string;
  /** The play button's text, in place of the translated "Play". */
  "play-label"?: string;
  /** Accessible name of ‹, in place of the translated "Previous headline". */
  "prev-label"?: string;
  /** Accessible name of ›, in place of the translated "Next headline". */
  "next-label"?: string;
  /** Level of the article headline, 1 to 6 (default 2). */
  "heading-level"?: 1 | 2 | 3 | 4 | 5 | 6 | "1" | "2" | "3" | "4" | "5" | "6";
  /** Language of the texts and dates (default: the page's). */
  lang?: string;
  dir?: "ltr" | "rtl" | "auto";
  /** Present: dates read "3 hours ago". */
  "relative-dates"?: boolean | "";
  /** `none`: no image is ever loaded. */
  images?: "none";
  /** `target` of the links to the original articles, such as `_blank`. */
  target?: string;
  /** `off`: a reader's choice leaves the page URL alone. */
  history?: "off";
}

/** The `<news-reel>` element. */
export interface NewsReelElement extends HTMLElement {
  /** Replaces the data with a JSON string or a JSON-serialisable object. */
  load(data: string | object): void;
  /** Opens an article in the article view; false when there is no such id. */
  select(id: string): boolean;
  play(): void;
  pause(): void;
  next(): void;
  prev(): void;
  readonly articles: NewsReelArticle[];
  readonly paused: boolean;
  /** The texts in effect, `newHeadlines` in its object form. */
  get strings(): NewsReelStrings & { newHeadlines: NewsReelPluralText };
  /** Replaces some of the texts; null goes back to the built-in ones. */
  set strings(value: Partial<NewsReelStrings> | null);

  addEventListener<K extends keyof NewsReelEventMap>(
    type: K,
    listener: (this: NewsReelElement, ev: NewsReelEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof NewsReelEventMap>(
    type: K,
    listener: (this: NewsReelElement, ev: NewsReelEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "news-reel": NewsReelElement;
  }
}
