// Stryker has a break threshold for the whole run only; this fails the run when any one mutated file scores under
// the floor (default 80%), naming each. Reads Stryker's JSON report (mutation-testing-report-schema).
// Usage: node test/mutation/per-file-floor.mjs [report.json] [floor]
import { readFileSync } from 'node:fs';

const [reportPath = 'reports/mutation/mutation.json', floorArg = '80'] = process.argv.slice(2);
const floor = Number(floorArg);
const report = JSON.parse(readFileSync(reportPath, 'utf8'));

// Stryker's own score: detected / (detected + undetected); ignored, static-skipped and broken mutants count for
// nothing.
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const rows = Object.entries(report.files).map(([file, { mutants }]) => {
  const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
  const undetected = mutants.filter((m) => UNDETECTED.has(m.status)).length;
  const valid = detected + undetected;
  return { file, detected, undetected, score: valid === 0 ? 100 : (100 * detected) / valid };
});
const under = rows.filter((r) => r.score < floor);
for (const r of rows.sort((a, b) => a.score - b.score)) {
  console.log(`${r.score.toFixed(2).padStart(6)}%  ${r.file} (${r.detected} detected, ${r.undetected} undetected)`);
}
if (rows.length === 0) {
  console.error(`per-file floor: ${reportPath} lists no mutated file`);
  process.exit(1);
}
if (under.length > 0) {
  for (const r of under) console.error(`per-file floor: ${r.file} scores ${r.score.toFixed(2)}%, under ${floor}%`);
  process.exit(1);
}
console.log(`per-file floor: every file at ${floor}% or more`);
