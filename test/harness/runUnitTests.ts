import { join } from 'node:path';
import { findTests, runMocha } from './mochaRun';
import { printSummary, type SuiteResult } from './results';

export function runUnitTests(): Promise<SuiteResult> {
  return runMocha('unit (Node, src/core)', findTests(join(__dirname, '..', 'unit')), { timeout: 10_000 });
}

if (require.main === module) {
  void runUnitTests().then((result) => {
    printSummary([result]);
    process.exit(result.failed > 0 ? 1 : 0);
  });
}
