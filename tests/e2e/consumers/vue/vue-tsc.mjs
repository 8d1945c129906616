// Runs vue-tsc (with this script's arguments) on TypeScript 6: vue-tsc
// drives TypeScript's JavaScript compiler, which TypeScript 7, the app's
// `typescript`, no longer ships. `typescript6` is TypeScript 6 under an alias.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
require("vue-tsc").run(require.resolve("typescript6/lib/tsc"));
