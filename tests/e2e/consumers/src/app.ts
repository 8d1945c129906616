// The app as the README's "With npm" shows it: the package's documented
// entry, started once, then the element created and fed.
import { defineNewsReel } from "newsreel";
import { showNews } from "./news";

await defineNewsReel();
showNews();
