// The date worker of the script-tag build (started by element.js's warmDates,
// beside dist/newsreel.js): one date formatter, so that the browser loads its
// date data, which the page shares, off the page's main thread. Its name is
// the page's language.
try {
  new Intl.DateTimeFormat(self.name || undefined, { dateStyle: "medium", timeZone: "UTC" }).format(0);
} catch (_) {
  // A language Intl refuses, or no Intl: the page's own formatter will do.
}
postMessage(0);
