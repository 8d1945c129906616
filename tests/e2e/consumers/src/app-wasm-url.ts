// The same app for a host that keeps the .wasm somewhere of its own
// (/static/ here): its URL is given to defineNewsReel.
import { defineNewsReel } from "newsreel";
import { showNews } from "./news";

await defineNewsReel({ wasmUrl: "/static/newsreel_bg.wasm" });
showNews();
