// <news-reel> the React 19 way: attributes and the `strings` property as
// props, listeners as `on` + the event's name, and the data given through a
// ref in a layout effect (in the same task as the element's insertion, so it
// never looks for data of its own).
import { useLayoutEffect, useRef } from "react";
import type { NewsReelElement, NewsReelReadyDetail, NewsReelSelectDetail, NewsReelStrings } from "newsreel";
import seed from "../../../fixtures/seed.json";

// The app's own names for the ‹ and › controls.
const strings: Partial<NewsReelStrings> = { prev: "Previous story", next: "Next story" };

interface Props {
  maxItems: number;
  onReady: (detail: NewsReelReadyDetail) => void;
  onSelect: (detail: NewsReelSelectDetail) => void;
}

export function NewsBox({ maxItems, onReady, onSelect }: Props) {
  const reel = useRef<NewsReelElement>(null);
  useLayoutEffect(() => {
    reel.current!.load(seed);
  }, []);
  return (
    <news-reel
      ref={reel}
      mode="list"
      max-items={maxItems}
      label="Latest news, in React"
      strings={strings}
      onnewsreel:ready={(event) => onReady(event.detail)}
      onnewsreel:select={(event) => onSelect(event.detail)}
    >
      <a href="/news/">All the latest news</a>
    </news-reel>
  );
}
