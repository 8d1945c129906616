// A horizontal bar chart of newsreel/twin ratios, as plain SVG text: one bar
// per measurement with a whisker for the spread of the run-by-run ratios, a
// line at 1 (as fast as the twin) and one at the issue's 1.2 target. Bars
// over the target are drawn in the warning colour.

const escape = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * `rows`: [{ label, ratio, low, high }] (`low`–`high`: the whisker, optional).
 * `title` and `note` are text lines above and below. Returns the SVG text.
 */
export function ratioChart(rows, { title, note = "", target = 1.2 } = {}) {
  const labelWidth = 380;
  const barArea = 420;
  const rowHeight = 26;
  const top = 56;
  const width = labelWidth + barArea + 90;
  const height = top + rows.length * rowHeight + 74;
  const largest = Math.max(2, target * 1.25, ...rows.map((r) => Math.max(r.ratio, r.high ?? 0)));
  const scale = Math.ceil(largest * 2) / 2;
  const x = (ratio) => labelWidth + (Math.min(ratio, scale) / scale) * barArea;

  const grid = [];
  for (let v = 0; v <= scale + 1e-9; v += 0.5) {
    grid.push(`<line x1="${x(v)}" y1="${top - 8}" x2="${x(v)}" y2="${top + rows.length * rowHeight}" stroke="#e3e3e3"/>`);
    grid.push(`<text x="${x(v)}" y="${top - 12}" text-anchor="middle" class="axis">${v.toFixed(1)}×</text>`);
  }
  const bars = rows.map((r, i) => {
    const y = top + i * rowHeight;
    const over = r.ratio > target;
    const whisker = r.low === undefined ? "" :
      `<line x1="${x(r.low).toFixed(1)}" y1="${y + 13}" x2="${x(r.high).toFixed(1)}" y2="${y + 13}" stroke="#222" stroke-width="1.5"/>`;
    const valueAt = Math.max(x(r.ratio), r.high === undefined ? 0 : x(r.high)) + 6;
    return [
      `<text x="${labelWidth - 10}" y="${y + 17}" text-anchor="end">${escape(r.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 5}" width="${Math.max(1, x(r.ratio) - labelWidth).toFixed(1)}" height="${rowHeight - 10}" fill="${over ? "#c0392b" : "#2e7d5b"}"/>`,
      whisker,
      `<text x="${valueAt.toFixed(1)}" y="${y + 17}" class="value">${r.ratio.toFixed(2)}×</text>`,
    ].join("\n  ");
  });
  const lineAt = (v, colour, dash) =>
    `<line x1="${x(v)}" y1="${top - 8}" x2="${x(v)}" y2="${top + rows.length * rowHeight}" stroke="${colour}" stroke-width="1.5"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`;

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="13">
  <style>.axis { fill: #666; font-size: 11px; } .value { fill: #222; font-size: 12px; paint-order: stroke; stroke: #fff; stroke-width: 3px; } .title { font-size: 15px; font-weight: 600; } .note { fill: #555; font-size: 11px; }</style>
  <rect width="100%" height="100%" fill="#fff"/>
  <text x="16" y="24" class="title">${escape(title)}</text>
  ${grid.join("\n  ")}
  ${lineAt(1, "#333")}
  ${lineAt(target, "#c0392b", "4 3")}
  ${bars.join("\n  ")}
  <text x="16" y="${height - 48}" class="note">Median time of newsreel ÷ median time of the vanilla-JS twin: under 1, newsreel is faster.</text>
  <text x="16" y="${height - 30}" class="note">Whisker: the middle half of the run-by-run ratios. Dashed: the ${target}× target.</text>
  <text x="16" y="${height - 12}" class="note">${escape(note)}</text>
</svg>
`;
}
