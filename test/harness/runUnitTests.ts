import { join } from 'node:path';
import { installFakeVscode } from '../support/fakeVscode';
import { findTests, runMocha } from './mochaRun';
import { printSummary, type SuiteResult } from './results';

export function runUnitTests(): Promise<SuiteResult> {
  // Host modules under test import 'vscode': a small fake answers (the real one runs in the in-host suite).
  installFakeVscode();
  return runMocha('unit (Node: src/core, and src/host on a fake of the vscode API)', findTests(join(__dirname, '..', 'unit')), { timeout: 10_000 });
}

if (require.main === module) {
  void runUnitTests().then((result) => {
    printSummary([result]);
    process.exit(result.failed > 0 ? 1 : 0);
  });
}
