/**
 * Runs the in-host suite (test/vscode) inside a real VS Code: code-server with the packaged
 * extension installed as a user installs it, driven by headless Chromium. The test runner comes in
 * with a development extension of its own (the test-hooks marker), never with the source folder.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser } from './browser';
import { keepFailureArtifacts, makeRunDir, removeRunDir, repoRoot, startCodeServer } from './codeServer';
import { installedFolderName, testedPackage } from './extensionPackage';
import { printSummary, type SuiteResult } from './results';

const TIMEOUT_MS = 5 * 60_000;

export async function runHostTests(): Promise<SuiteResult> {
  const vsix = await testedPackage();
  const started = Date.now();
  const runDir = await makeRunDir('host');
  const reportFile = join(runDir, 'host-report.json');
  // The report path (and where the profile keeps its data, for the privacy test) reach the in-host
  // suite through the extension host's environment, as does the short horizon of the fate test.
  // The fake agent and tool extensions: in-host tests run their commands to edit like real ones.
  const fixtures = join(repoRoot, 'test', 'fixtures', 'extensions');
  const helperExtensions = ['fake-agent', 'fake-tool'].map((name) => join(fixtures, name));
  const server = await startCodeServer({ name: 'host', runDir, helperExtensions, vsix, env: {
    OWNERSHIP_TEST_REPORT: reportFile,
    OWNERSHIP_TEST_USER_DATA: join(runDir, 'user-data'),
    // What became of AI text is settled a few seconds after an insert instead of ten minutes.
    OWNERSHIP_TEST_FATE_HORIZON_MS: '6000',
    // The folder the installed package extracts to, which the suite checks it runs from.
    OWNERSHIP_TEST_INSTALLED_AS: installedFolderName(),
  } });
  let keep = false;
  let timeout: NodeJS.Timeout | undefined;
  const browser = await launchBrowser();
  try {
    // The workbench reports through these hooks when started with the smoke-test driver.
    await browser.page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      if (process.env.OWNERSHIP_TEST_VERBOSE) {
        console.log(`[host:${type}]`, ...(Array.isArray(args) ? args : [args]));
      }
    });
    const exited = new Promise<number>((resolve) => {
      void browser.page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await browser.page.goto(server.workbenchUrl({
      extensionDevelopmentPath: join(fixtures, 'test-hooks'),
      extensionTestsPath: join(repoRoot, 'out', 'test', 'vscode', 'index.js'),
    }));
    const exitCode = await Promise.race([
      exited,
      new Promise<number>((resolve) => {
        timeout = setTimeout(() => resolve(-1), TIMEOUT_MS);
      }),
    ]);
    const result = await readReport(reportFile, exitCode, Date.now() - started);
    if (result.failed > 0 || exitCode !== 0) {
      await browser.page.screenshot({ path: join(server.runDir, 'host-failure.png') }).catch(() => undefined);
      console.error(`[host] artifacts kept in ${await keepFailureArtifacts(server.runDir, 'host')}`);
      keep = true;
    }
    return result;
  } finally {
    clearTimeout(timeout);
    await browser.close();
    await server.stop();
    if (!keep) {
      await removeRunDir(runDir);
    }
  }
}

async function readReport(reportFile: string, exitCode: number, durationMs: number): Promise<SuiteResult> {
  if (!existsSync(reportFile)) {
    const reason = exitCode === -1 ? `timed out after ${TIMEOUT_MS / 1000} s` : `exited with code ${exitCode} without a report`;
    return { name: 'in-host (VS Code 1.139 via code-server)', passed: 0, failed: 1, pending: 0, durationMs, failures: [`the in-host suite ${reason}`], lines: [] };
  }
  const { results } = JSON.parse(await readFile(reportFile, 'utf8')) as { results: Array<{ title: string; state: string; error?: string; durationMs?: number }> };
  return {
    name: 'in-host (VS Code 1.139 via code-server)',
    passed: results.filter((r) => r.state === 'passed').length,
    failed: results.filter((r) => r.state === 'failed').length + (exitCode !== 0 && results.every((r) => r.state !== 'failed') ? 1 : 0),
    pending: results.filter((r) => r.state === 'pending').length,
    durationMs,
    failures: results.filter((r) => r.state === 'failed').map((r) => `${r.title}\n${r.error ?? ''}`),
    lines: results.map((r) => `${r.state === 'passed' ? '✔' : r.state === 'failed' ? '✘' : '-'} ${r.title}${r.durationMs !== undefined ? ` (${r.durationMs} ms)` : ''}`),
  };
}

if (require.main === module) {
  runHostTests().then((result) => {
    printSummary([result]);
    process.exit(result.failed > 0 ? 1 : 0);
  }, (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
