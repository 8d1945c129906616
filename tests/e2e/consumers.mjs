// What the tests of the consumer apps (tests/e2e/consumers) share: where the
// apps are, and how one of their package.json scripts is run.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ROOT } from "./browser.mjs";

export const APP = ROOT + "tests/e2e/consumers/";
const run = promisify(execFile);

/**
 * Runs one of the apps' package.json scripts; a failure shows its output.
 * vue-tsc and Vite take a while on a busy 2-core machine, hence the default.
 */
export async function npmRun(script, timeout = 300_000) {
  try {
    return await run("npm", ["run", "--silent", script], { cwd: APP, timeout });
  } catch (error) {
    throw new Error(`npm run ${script} failed:\n${error.stdout ?? ""}${error.stderr ?? ""}`);
  }
}
