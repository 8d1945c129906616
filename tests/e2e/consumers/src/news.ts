// The app's news box: a <news-reel> fed the seed news (imported as JSON), and
// a line that says which article the reader opened. Call it once the element
// is defined.
import type { NewsReelSelectDetail } from "newsreel";
import seed from "../../../fixtures/seed.json";

function describe(detail: NewsReelSelectDetail): string {
  return detail.url === null ? detail.id : `${detail.id} (${detail.url})`;
}

export function showNews(): void {
  const opened = document.querySelector<HTMLOutputElement>("#opened")!;
  const reel = document.createElement("news-reel");
  // A static list: the reader clicks headlines that hold still.
  reel.setAttribute("mode", "list");
  reel.addEventListener("newsreel:select", (event) => {
    opened.value = describe(event.detail);
    opened.dataset.id = event.detail.id;
  });
  reel.addEventListener("newsreel:error", (event) => {
    opened.value = "error: " + event.detail.message;
  });
  // Data first, then into the page: the element never looks for data of its own.
  reel.load(seed);
  document.querySelector("#news")!.append(reel);
}
