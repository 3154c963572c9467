// Prints one closing line for the whole `npm test`: vitest's and Playwright's counts added up.
import fs from "node:fs";

const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null);
const unit = read(".tmp/vitest-results.json");
const e2e = read("e2e/output/results.json");
if (!unit || !e2e) {
  console.error("test-summary: a test report is missing");
  process.exit(1);
}
const passed = unit.numPassedTests + e2e.stats.expected + e2e.stats.flaky;
const failed = unit.numFailedTests + e2e.stats.unexpected;
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.stats.skipped;
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
