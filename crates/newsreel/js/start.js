// Start-up failure handling shared by the script-tag build and the npm entry.
// If the WebAssembly module cannot start (a CSP without 'wasm-unsafe-eval', a
// missing .wasm file, a browser without WebAssembly), every <news-reel> on
// the page says so in its error state and keeps the host's fallback HTML.

export function showStartFailure(tagName, error) {
  const message = "newsreel could not start: " + (error && error.message ? error.message : String(error));
  console.error(message);
  if (customElements.get(tagName)) return;
  class FailedNewsReel extends HTMLElement {
    connectedCallback() {
      try {
        this.setAttribute("state", "error");
        if (!this.shadowRoot) {
          const root = this.attachShadow({ mode: "open" });
          const box = document.createElement("p");
          box.setAttribute("part", "error");
          box.setAttribute("role", "alert");
          box.textContent = message;
          // The slot keeps whatever the host rendered inside the element visible.
          root.append(box, document.createElement("slot"));
        }
        this.dispatchEvent(new CustomEvent("newsreel:error", { bubbles: true, composed: true, detail: { message, status: null, url: null } }));
      } catch (_) {
        // Never let the failure path itself throw into the host page.
      }
    }
  }
  try {
    customElements.define(tagName, FailedNewsReel);
  } catch (_) {
    // Another copy defined the name first; nothing to do.
  }
}
