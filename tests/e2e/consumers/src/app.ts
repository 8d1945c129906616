// The app an npm user writes: the package's documented entry, the element
// created with document.createElement (typed through HTMLElementTagNameMap),
// the seed news imported as JSON, and a reaction to the reader's choice.
import { defineNewsReel, type NewsReelSelectDetail } from "newsreel";
import seed from "../../../fixtures/seed.json";

const opened = document.querySelector<HTMLOutputElement>("#opened")!;

function describe(detail: NewsReelSelectDetail): string {
  return detail.url === null ? detail.id : `${detail.id} (${detail.url})`;
}

await defineNewsReel();

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
