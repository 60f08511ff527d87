/** `npm test`: unit, then the package built and checked, then the in-host and UI suites against it installed, then one summary. */
import { ensureCodeServer } from './codeServer';
import { printSummary, type SuiteResult } from './results';
import { runHostTests } from './runHostTests';
import { runPackageTests } from './runPackageTests';
import { runUiTests } from './runUiTests';
import { runUnitTests } from './runUnitTests';

async function main(): Promise<void> {
  const results: SuiteResult[] = [];
  results.push(await runUnitTests());
  await ensureCodeServer();
  results.push(await runPackageTests());
  results.push(await runHostTests());
  results.push(await runUiTests());
  printSummary(results);
  const leftOpen = process.getActiveResourcesInfo().filter((resource) => resource !== 'TTYWrap');
  if (leftOpen.length > 0 && process.env.OWNERSHIP_TEST_VERBOSE) {
    console.error(`[test] still open after the run: ${leftOpen.join(', ')}`);
  }
  // Exit explicitly: a handle a test left open must never keep CI waiting.
  process.exit(results.some((result) => result.failed > 0) ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
