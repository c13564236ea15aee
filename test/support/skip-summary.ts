// A reporter that ends `npm test` with one line: how many tests were skipped, why, and the command that installs
// what they need, so a skip is never mistaken for a pass.
import { relative } from 'node:path';
import type { Reporter, TestCase } from 'vitest/node';
import { ROOT } from './doc-blocks.js';

export default class SkipSummary implements Reporter {
  private readonly reasons = new Map<string, number>();

  onTestCaseResult(test: TestCase): void {
    const result = test.result();
    if (result.state !== 'skipped') return;
    const reason = result.note ?? `no reason given, in ${relative(ROOT, test.module.moduleId)}`;
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }

  onTestRunEnd(): void {
    if (this.reasons.size === 0) return;
    const total = [...this.reasons.values()].reduce((a, b) => a + b, 0);
    const why = [...this.reasons].map(([reason, n]) => `${reason} (${n})`).join('; ');
    process.stdout.write(`\n${total} skipped: ${why}. \`npm run test:setup\` installs what they need.\n`);
  }
}
