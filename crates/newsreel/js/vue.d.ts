// <news-reel> in Vue 3's templates, for vue-tsc. An app imports this once,
// for its types only:
//
//   import type {} from "newsreel/vue";
//
// The element enters Vue's GlobalComponents as the Vue docs describe for
// custom elements not built with Vue: a constructor whose `$props` are what a
// template may bind and whose `$emit` types the listeners, so that
// `<news-reel :max-items="5" @newsreel:select="...">` is checked. Vue itself
// must treat the tag as a custom element (`compilerOptions.isCustomElement`).
// Types only: there is no module to import at run time.
import type { EmitFn, HTMLAttributes, PublicProps } from "vue";
import type { NewsReelAttributes, NewsReelElement, NewsReelEventMap, NewsReelStrings } from "./index.js";

/** The element's own events, by name. */
type NewsReelEvents = Omit<NewsReelEventMap, keyof HTMLElementEventMap>;

/** `max-items` → `maxItems`: the key vue-tsc checks a kebab-case attribute under. */
type Camelized<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camelized<Tail>>}` : S;

/**
 * What a template may bind on `<news-reel>`. vue-tsc checks a component's
 * attributes by their camelCase names, so the keys are camelCase here, but
 * write them in kebab-case in templates (`:max-items`), as in HTML: Vue sets
 * an attribute by the name written, and `maxItems` would set `maxitems`.
 */
export type NewsReelVueProps = HTMLAttributes & {
  [K in Exclude<keyof NewsReelAttributes, "relative-dates"> as Camelized<K>]?: NewsReelAttributes[K];
} & {
  /**
   * `relative-dates`, present: dates read "3 hours ago". Vue writes `false`
   * as the text "false", which is present too: leave the attribute out (or
   * bind undefined) to turn it off.
   */
  relativeDates?: true | "";
  /**
   * The element's `strings` property: `:strings.prop` sets it as a property,
   * and so does `:strings` when the element is defined before Vue renders it.
   */
  strings?: Partial<NewsReelStrings> | null;
};

/** `<news-reel>` as a component type, for template type-checking. */
export type NewsReelVueComponent = new () => NewsReelElement & {
  /** @deprecated Not on the element: only what templates may bind, for vue-tsc. */
  $props: NewsReelVueProps & PublicProps;
  /** @deprecated Not on the element: only the events templates may listen to, for vue-tsc. */
  $emit: EmitFn<{ [K in keyof NewsReelEvents]: (event: NewsReelEvents[K]) => void }>;
};

declare module "vue" {
  interface GlobalComponents {
    "news-reel": NewsReelVueComponent;
  }
}
