/** Runs the package checks (test/package): what the `.vsix` holds once installed. */
import { join } from 'node:path';
import { findTests, runMocha } from './mochaRun';
import { printSummary, type SuiteResult } from './results';

export function runPackageTests(): Promise<SuiteResult> {
  return runMocha('package (.vsix installed into VS Code 1.139 via code-server)', findTests(join(__dirname, '..', 'package')), { timeout: 30_000 });
}

if (require.main === module) {
  void runPackageTests().then((result) => {
    printSummary([result]);
    process.exit(result.failed > 0 ? 1 : 0);
  });
}
