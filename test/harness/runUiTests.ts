/** Runs the browser-driven suite (test/e2e): Playwright against the real workbench in Chromium. */
import { join } from 'node:path';
import { findTests, runMocha } from './mochaRun';
import { printSummary, type SuiteResult } from './results';

export function runUiTests(): Promise<SuiteResult> {
  return runMocha('UI (Playwright + Chromium, VS Code 1.139 via code-server)', findTests(join(__dirname, '..', 'e2e')), { timeout: 120_000, slow: 10_000 });
}

if (require.main === module) {
  void runUiTests().then((result) => {
    printSummary([result]);
    process.exit(result.failed > 0 ? 1 : 0);
  });
}
