// The Vue app's start: the element is defined before Vue mounts, so that
// Vue sees its properties when it binds them.
import { createApp } from "vue";
import { defineNewsReel } from "newsreel";
import type {} from "newsreel/vue";
import App from "./App.vue";

await defineNewsReel();
createApp(App).mount("#app");
