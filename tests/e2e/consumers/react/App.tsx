// The app around the news box: what the widget reported (newsreel:ready and
// newsreel:select), a button that changes a prop, and one that mounts and
// unmounts the box.
import { useState } from "react";
import type { NewsReelReadyDetail, NewsReelSelectDetail } from "newsreel";
import { NewsBox } from "./NewsBox";

export function App() {
  const [shown, setShown] = useState(true);
  const [maxItems, setMaxItems] = useState(5);
  const [ready, setReady] = useState<NewsReelReadyDetail | null>(null);
  const [readies, setReadies] = useState(0);
  const [opened, setOpened] = useState<NewsReelSelectDetail | null>(null);

  const onReady = (detail: NewsReelReadyDetail) => {
    setReady(detail);
    setReadies((n) => n + 1);
  };

  return (
    <>
      <h1>A React app</h1>
      <p>
        Ready: <output id="ready">{ready ? `${ready.count} articles, ${ready.shown} shown` : "not yet"}</output>
      </p>
      <p>
        Ready events: <output id="readies">{readies}</output>
      </p>
      <p>
        Opened: <output id="opened">{opened ? opened.id : "nothing yet"}</output>
      </p>
      <p>
        <button type="button" id="max-items" onClick={() => setMaxItems((n) => (n === 5 ? 2 : 5))}>
          Show {maxItems === 5 ? 2 : 5} headlines
        </button>{" "}
        <button type="button" id="toggle" onClick={() => setShown((s) => !s)}>
          {shown ? "Hide the news" : "Show the news"}
        </button>
      </p>
      <main>{shown && <NewsBox maxItems={maxItems} onReady={onReady} onSelect={setOpened} />}</main>
    </>
  );
}
