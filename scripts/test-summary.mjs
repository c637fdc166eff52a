// Prints vitest's result as one plain closing line, `N passed, N failed, N skipped`, which CI
// systems that do not know vitest's own summary can read. Exits with vitest's verdict.
import { readFileSync } from "node:fs";

const file = process.argv[2] ?? ".tmp/vitest-results.json";
let results;
try {
  results = JSON.parse(readFileSync(file, "utf8"));
} catch {
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const passed = results.numPassedTests ?? 0;
// A file that fails to load counts as one failure even though none of its tests ran.
const failedTests = results.numFailedTests ?? 0;
const failed = failedTests === 0 && results.success === false ? 1 : failedTests;
const skipped = (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || results.success === false ? 1 : 0);
