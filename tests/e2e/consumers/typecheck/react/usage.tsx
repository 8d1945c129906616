// Correct uses of <news-reel> in React 19's JSX that must type-check
// without a cast. Only type-checked (npm run typecheck:react), never bundled.
import { useRef, type ReactNode } from "react";
import type { NewsReelElement, NewsReelSelectDetail, NewsReelStrings } from "newsreel";
import type { NewsReelReactProps } from "newsreel/react";

export function Usage(): ReactNode {
  const reel = useRef<NewsReelElement>(null);
  const strings: Partial<NewsReelStrings> = { pause: "Stop", newHeadlines: { one: "{n} new story", other: "{n} new stories" } };
  const onSelect = (event: CustomEvent<NewsReelSelectDetail>) => {
    const url: string | null = event.detail.url;
    void url;
  };
  return (
    <>
      {/* Every attribute, strings for the numbers as well as numbers. */}
      <news-reel
        src="/news.xml"
        refresh={60}
        loading="lazy"
        source="#news"
        article="n1"
        tags="politics, economy"
        view="ticker"
        mode="vertical"
        rows="4"
        speed={80}
        interval="6000"
        max-items={10}
        label="Headlines"
        pause-label="Stop"
        play-label="Go"
        prev-label="Back"
        next-label="On"
        heading-level={3}
        lang="de"
        dir="rtl"
        relative-dates
        images="none"
        target="_blank"
        history="off"
      />
      {/* The property, the ref, the listeners, and what any element takes. */}
      <news-reel
        ref={reel}
        key="news"
        id="news"
        className="news"
        style={{ maxWidth: "40rem" }}
        hidden={false}
        strings={strings}
        relative-dates={false}
        onnewsreel:ready={(event) => {
          const shown: number = event.detail.shown;
          const warnings: string[] = event.detail.warnings;
          const self: NewsReelElement = event.currentTarget;
          void [shown, warnings, self];
        }}
        onnewsreel:error={(event) => {
          const status: number | null = event.detail.status;
          void status;
        }}
        onnewsreel:update={(event) => {
          const added: string[] = event.detail.added;
          void added;
        }}
        onnewsreel:select={onSelect}
        onClick={(event) => {
          const x: number = event.clientX;
          void x;
        }}
      >
        <a href="/news/">All the latest news</a>
      </news-reel>
      {/* A ref callback gets the element, and strings may be reset. */}
      <news-reel ref={(element) => element?.pause()} strings={null} />
    </>
  );
}

// The props type is exported, for a component that wraps the element.
export function Wrapper(props: NewsReelReactProps): ReactNode {
  return <news-reel {...props} mode={props.mode ?? "list"} />;
}
