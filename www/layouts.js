// The demo's switcher: each control sets one attribute of the widget below
// it, as a publisher would in their markup.
const form = document.querySelector(".switcher");
const widget = document.getElementById("configurable");

function apply(control) {
  const value = control.value.trim();
  // `lang` on the element itself: a widget does not watch its ancestors' attributes.
  if (value) widget.setAttribute(control.name, value);
  else widget.removeAttribute(control.name);
}

form.addEventListener("input", (event) => apply(event.target));
form.addEventListener("submit", (event) => event.preventDefault());
for (const control of form.elements) apply(control);
