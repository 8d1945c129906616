// The Vue app's build. The template compiler must know <news-reel> is a
// custom element, not a Vue component to resolve.
import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === "news-reel" } } })],
  build: { outDir: "../build/vue", emptyOutDir: true },
});
