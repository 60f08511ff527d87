import { makeRunDir, removeRunDir } from '../harness/codeServer';
import type { Workbench } from './workbench';

/** What a suite shares across the workbenches it opens one after another on one profile. */
export interface SharedRun {
  /** The run folder (profile, workspaces), there from the first test on. */
  readonly runDir: string;
  /** The workbench open now: closed after the suite, its logs kept when a test failed. */
  workbench: Workbench | undefined;
}

/**
 * Mocha hooks for a suite whose workbenches share one run folder, as a user reopens VS Code on
 * one profile: the folder is made before the first test (then `prepare` runs), the open
 * workbench is closed after the last, and the folder is removed only when every test passed.
 */
export function sharedRun(name: string, prepare?: (runDir: string) => Promise<void>): SharedRun {
  const run: { runDir: string; workbench: Workbench | undefined } = { runDir: '', workbench: undefined };
  let failed = false;
  before(async function () {
    run.runDir = await makeRunDir(name);
    await prepare?.(run.runDir);
  });
  afterEach(function () {
    failed ||= this.currentTest?.state === 'failed';
  });
  after(async function () {
    this.timeout(30_000);
    await run.workbench?.close(failed);
    if (!failed) {
      await removeRunDir(run.runDir);
    }
  });
  return run;
}
