// <news-reel> in React 19's JSX. An app imports this once, for its types only:
//
//   import type {} from "newsreel/react";
//
// React 19 gives a custom element each prop the element has as a property
// (`strings`), every other prop as an attribute (`max-items`, `mode`), and
// a function under `on` + an event's exact name as a listener of that event
// (`onnewsreel:select`). Types only: there is no module to import at run time.
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { NewsReelAttributes, NewsReelElement, NewsReelEventMap, NewsReelStrings } from "./index.js";

/** The element's own events, by name. */
type NewsReelEvents = Omit<NewsReelEventMap, keyof HTMLElementEventMap>;

/** `onnewsreel:ready` and the others: listeners React adds and removes. */
export type NewsReelReactEvents = {
  [K in keyof NewsReelEvents as `on${K}`]?: (event: NewsReelEvents[K] & { currentTarget: NewsReelElement }) => void;
};

/** The props of `<news-reel>` in JSX, `ref` (a `NewsReelElement`) and `key` among them. */
export type NewsReelReactProps = DetailedHTMLProps<HTMLAttributes<NewsReelElement>, NewsReelElement> &
  NewsReelAttributes &
  NewsReelReactEvents & {
    /** Set as the element's `strings` property. */
    strings?: Partial<NewsReelStrings> | null;
  };

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "news-reel": NewsReelReactProps;
    }
  }
}
