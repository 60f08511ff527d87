/**
 * A second extension host on the same workspace (two windows on one folder, say in code-server)
 * finds the workspace's storage folder locked by the first and is given `<folder>-1` (up to `-9`)
 * instead. The history's files are made to be shared by all windows of a workspace (each window
 * writes only its own record, atomically), so every window uses the workspace's own folder: the
 * path without that suffix. `extensionFolder` is the extension's storage path,
 * `…/workspaceStorage/<workspace id>[-n]/<extension id>`.
 */
export function sharedStoragePath(extensionFolder: string): string {
  return extensionFolder.replace(/-[1-9](\/[^/]+\/?)$/, '$1');
}
