// The React app's build: Vite's own esbuild compiles the JSX (React 19's
// automatic runtime), so no React plugin is needed for a production build.
import { defineConfig } from "vite";

export default defineConfig({
  esbuild: { jsx: "automatic" },
  build: { outDir: "../build/react", emptyOutDir: true },
});
