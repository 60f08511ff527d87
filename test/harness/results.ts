/** The outcome of one test layer, and the summary printed at the end of `npm test`. */
export interface SuiteResult {
  readonly name: string;
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly durationMs: number;
  readonly failures: readonly string[];
  readonly lines: readonly string[];
}

export function printSummary(results: readonly SuiteResult[]): void {
  for (const result of results) {
    console.log(`\n${result.name}: ${result.passed} passed, ${result.failed} failed, ${result.pending} skipped (${(result.durationMs / 1000).toFixed(1)} s)`);
    for (const line of result.lines) {
      console.log(`  ${line}`);
    }
    for (const failure of result.failures) {
      console.log(`\n  FAILED: ${failure.split('\n').join('\n    ')}`);
    }
  }
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  const pending = results.reduce((sum, result) => sum + result.pending, 0);
  // The plain closing line CI reads.
  console.log(`\n${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
}
