import * as vscode from 'vscode';
import { TEST_HOOKS_MARKER } from '../core/testHooks';

/**
 * Whether the tests' overrides may apply (see `core/testHooks.ts`): under test or from the source
 * folder, or for the installed package beside the test-only marker extension, never otherwise.
 */
export function testHooksAllowed(context: vscode.ExtensionContext): boolean {
  return context.extensionMode !== vscode.ExtensionMode.Production || vscode.extensions.getExtension(TEST_HOOKS_MARKER) !== undefined;
}
