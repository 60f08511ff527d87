import { execFile } from 'node:child_process';
import type { GitRunner } from '../workspaceIdentity';

/** Git answers from its own files in milliseconds; a stuck or huge repository must not hold activation. */
const GIT_TIMEOUT_MS = 3_000;

/** The `git` on the PATH of the Node extension host. */
export const gitCli: GitRunner = (cwd, args) => new Promise((resolve) => {
  execFile('git', args, { cwd, timeout: GIT_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
    resolve(error ? [] : stdout.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== ''));
  });
});
