// Prints vitest's JSON report as one plain closing line, "Tests: N passed, N failed, N skipped",
// and fails if the report is missing or ran no test (CI must never pass on an empty run).
import { readFileSync } from 'node:fs';
import process from 'node:process';

const file = process.argv[2] ?? 'out/vitest.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`no test report at ${file}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
process.stdout.write(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
if (passed === 0 || failed > 0) process.exit(1);
