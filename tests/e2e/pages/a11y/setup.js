// Builds the widget from the query string before newsreel.js defines it.
const params = new URLSearchParams(location.search);
const seed = await fetch("/tests/fixtures/seed.json").then((r) => r.text());
const reel = document.createElement("news-reel");
for (const name of ["mode", "dir", "speed", "interval"]) {
  if (params.has(name)) reel.setAttribute(name, params.get(name));
}
const data = document.createElement("script");
data.type = "application/json";
data.textContent = seed;
reel.append(data);
document.getElementById("slot").append(reel);
if (params.has("hostile")) document.getElementById("hostile").media = "all";
