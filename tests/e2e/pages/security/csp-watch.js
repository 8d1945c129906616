// Loaded first by the CSP test pages (a classic script, so it runs before the
// widget's module): records every CSP or Trusted Types violation and every
// newsreel:error, for csp.test.mjs to read.
window.__violations = [];
window.__errors = [];
const record = (e) => {
  window.__violations.push({
    directive: e.effectiveDirective,
    blocked: e.blockedURI,
    sample: e.sample,
  });
};
// Violations inside a shadow root are fired at their element; capture sees them all.
document.addEventListener("securitypolicyviolation", record, true);
document.addEventListener("newsreel:error", (e) => window.__errors.push(e.detail.message));
