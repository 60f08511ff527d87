/** Runs a mocha suite in this process and collects its results for the summary. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import type { SuiteResult } from './results';

export function findTests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return findTests(path);
    }
    return name.endsWith('.test.js') ? [path] : [];
  }).sort();
}

export function runMocha(name: string, files: readonly string[], options: Mocha.MochaOptions): Promise<SuiteResult> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', ...options });
  const grep = process.env.OWNERSHIP_TEST_GREP;
  if (grep) {
    mocha.grep(grep);
  }
  files.forEach((file) => mocha.addFile(file));
  const started = Date.now();
  let passed = 0;
  let pending = 0;
  const failures: string[] = [];
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve({ name, passed, failed: failures.length, pending, durationMs: Date.now() - started, failures, lines: [] }));
    runner.on('pass', () => passed++);
    runner.on('pending', () => pending++);
    runner.on('fail', (test, error: Error) => failures.push(`${test.fullTitle()}\n${error.stack ?? String(error)}`));
  });
}
