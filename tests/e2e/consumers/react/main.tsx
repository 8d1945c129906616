// The React app's start: the element is defined before React renders, so
// that React 19 sees its properties (`strings`) and sets them as properties.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { defineNewsReel } from "newsreel";
import type {} from "newsreel/react";
import { App } from "./App";

await defineNewsReel();
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
