import * as vscode from 'vscode';
import type { OwnershipRatioApi } from './host/api';
import { useAtomicWriter } from './host/atomicFile';
import { builtInGit } from './host/gitRepository';
import { requireFeatureBundle } from './host/node/featureBundleFile';
import { gitCli } from './host/node/gitCli';
import { holdRenamesForTests, nodeAtomicWriter } from './host/node/localFileWrite';
import { testHooks } from './core/testHooks';
import { activateOn } from './extension';
import { testHooksAllowed } from './host/testHooksAllowed';

export { deactivate } from './extension';

/** The entry point of the Node extension host (`main` in package.json): the desktop, remotes, code-server. */
export function activate(context: vscode.ExtensionContext): OwnershipRatioApi {
  useAtomicWriter(nodeAtomicWriter);
  holdRenamesUnderTest(context);
  return activateOn(context, { kind: 'node', gitCommand: gitCli, gitExtension: builtInGit, env: process.env, limits: [], loadFeatures: requireFeatureBundle });
}

/**
 * Tests only (see `core/testHooks.ts`): a hold in each crash-safe write before its rename, so that
 * a test can kill the extension host in the middle of a write.
 */
function holdRenamesUnderTest(context: vscode.ExtensionContext): void {
  const { holdRenameMs } = testHooks(process.env, testHooksAllowed(context));
  if (holdRenameMs !== undefined) {
    holdRenamesForTests(holdRenameMs);
  }
}
