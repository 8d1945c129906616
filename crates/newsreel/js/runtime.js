// What the element (crates/newsreel/src/element.js) needs of the generated bindings,
// which its own module cannot import: a way to make a widget, a way to
// replace a wasm instance that trapped with a fresh one (wasm-bindgen's
// `--experimental-reset-state-function`).
import { Widget, __wbg_reset_state } from "../../../pkg/newsreel.js";

export const runtime = {
  create: (host) => new Widget(host),
  reset: __wbg_reset_state,
};
