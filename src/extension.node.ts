import * as vscode from 'vscode';
import type { OwnershipRatioApi } from './host/api';
import { useAtomicWriter } from './host/atomicFile';
import { builtInGit } from './host/gitRepository';
import { gitCli } from './host/node/gitCli';
import { holdRenamesForTests, nodeAtomicWriter } from './host/node/localFileWrite';
import { activateOn } from './extension';

export { deactivate } from './extension';

/** The entry point of the Node extension host (`main` in package.json): the desktop, remotes, code-server. */
export function activate(context: vscode.ExtensionContext): OwnershipRatioApi {
  useAtomicWriter(nodeAtomicWriter);
  holdRenamesUnderTest(context);
  return activateOn(context, { kind: 'node', gitCommand: gitCli, gitExtension: builtInGit, env: process.env, limits: [] });
}

/**
 * Tests only (never once installed): a hold in each crash-safe write before its rename, read from
 * the host's environment, so that a test can kill the extension host in the middle of a write.
 */
function holdRenamesUnderTest(context: vscode.ExtensionContext): void {
  if (context.extensionMode === vscode.ExtensionMode.Production) {
    return;
  }
  const hold = Number(process.env.OWNERSHIP_TEST_HOLD_RENAME_MS);
  if (Number.isFinite(hold) && hold > 0) {
    holdRenamesForTests(hold);
  }
}
