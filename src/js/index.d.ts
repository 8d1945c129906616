// Types of the newsreel npm package: the entry function, the <news-reel>
// element and its events.

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
