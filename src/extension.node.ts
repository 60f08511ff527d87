import type * as vscode from 'vscode';
import type * as SharedBundle from './extension.web';
import type { OwnershipRatioApi } from './host/api';
import { requireFeatureBundle, requireSharedBundle } from './host/node/bundleFiles';
import { gitCli } from './host/node/gitCli';
import { holdRenamesForTests, nodeAtomicWriter } from './host/node/localFileWrite';

/*
 * The entry point of the Node extension host (`main` in package.json): the desktop, remotes,
 * code-server. It holds only what needs Node (Git as a process, crash-safe writes on the local
 * disk); everything else is the browser build's bundle, loaded from beside it, so the package
 * carries that code once. Nothing but types may be imported from outside `host/node/` here (a
 * test checks the bundle): a second copy of a module with state would not see the first's.
 */
const shared = requireSharedBundle<typeof SharedBundle>();

export function activate(context: vscode.ExtensionContext): OwnershipRatioApi {
  shared.useAtomicWriter(nodeAtomicWriter(shared));
  holdRenamesUnderTest(context);
  return shared.activateOn(context, { kind: 'node', gitCommand: gitCli, gitExtension: shared.builtInGit, env: process.env, limits: [], loadFeatures: requireFeatureBundle });
}

export function deactivate(): Promise<void> {
  return shared.deactivate();
}

/**
 * Tests only (see `core/testHooks.ts`): a hold in each crash-safe write before its rename, so that
 * a test can kill the extension host in the middle of a write.
 */
function holdRenamesUnderTest(context: vscode.ExtensionContext): void {
  const { holdRenameMs } = shared.testHooks(process.env, shared.testHooksAllowed(context));
  if (holdRenameMs !== undefined) {
    holdRenamesForTests(holdRenameMs);
  }
}
