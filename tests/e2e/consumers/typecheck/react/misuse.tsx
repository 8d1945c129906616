// Deliberate misuse of <news-reel> in JSX: each line under
// `@ts-expect-error` must be a type error, or the directive is unused and
// `npm run typecheck:react` fails. Only type-checked, never bundled.
import { useRef, type ReactNode } from "react";

export function Misuse(): ReactNode {
  const div = useRef<HTMLDivElement>(null);
  return (
    <>
      {/* @ts-expect-error there is no sideways mode */}
      <news-reel mode="sideways" />
      {/* @ts-expect-error max-items is a number */}
      <news-reel max-items="lots" />
      {/* @ts-expect-error nor an object */}
      <news-reel max-items={{ n: 5 }} />
      {/* @ts-expect-error heading levels go from 1 to 6 */}
      <news-reel heading-level={7} />
      {/* @ts-expect-error view is both, ticker or article */}
      <news-reel view="headlines" />
      {/* @ts-expect-error images="none" is the only value */}
      <news-reel images={false} />
      {/* @ts-expect-error the ref is a NewsReelElement's, not a div's */}
      <news-reel ref={div} />
      {/* @ts-expect-error strings are texts */}
      <news-reel strings={{ pause: 1 }} />
      {/* @ts-expect-error there is no such string */}
      <news-reel strings={{ pauseButton: "Stop" }} />
      {/* @ts-expect-error the listener is a function */}
      <news-reel onnewsreel:select="select()" />
      <news-reel
        onnewsreel:select={(event) => {
          // @ts-expect-error a select event has no count
          const count: number = event.detail.count;
          // @ts-expect-error the url may be null
          const url: string = event.detail.url;
          void [count, url];
        }}
        onnewsreel:ready={(event) => {
          // @ts-expect-error the ready detail has no id
          void event.detail.id;
        }}
      />
      {/* @ts-expect-error the element has no such event */}
      <news-reel onnewsreel:selected={() => {}} />
    </>
  );
}
