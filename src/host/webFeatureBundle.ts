import * as vscode from 'vscode';
import { FEATURE_BUNDLE_FILE, type FeatureBundle } from './featureBundle';

/**
 * The web-worker extension host's way to the feature bundle. A web worker has no `require` of files:
 * VS Code fetches the `browser` entry and evaluates it as a function of `module`, `exports` and a
 * `require` that knows only `vscode`. The feature bundle beside it is read through
 * `vscode.workspace.fs` (the editor reads an extension's own files from wherever it installed them:
 * a remote's disk as in code-server, the address vscode.dev serves it from) and evaluated the same
 * way, given the same `vscode` API. This extension itself opens no connection.
 */
export async function evaluateFeatureBundle(extensionUri: vscode.Uri, browserEntry: string): Promise<FeatureBundle> {
  const file = vscode.Uri.joinPath(extensionUri, browserEntry, '..', FEATURE_BUNDLE_FILE);
  const source = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  const module = { exports: {} as { features?: FeatureBundle } };
  const requireVscode = (name: string): unknown => {
    if (name !== 'vscode') {
      throw new Error(`Cannot load module '${name}'`);
    }
    return vscode;
  };
  // The same evaluation VS Code gives the browser entry; the source URL names the file in stack traces.
  const evaluate = new Function('module', 'exports', 'require', `${source}\n//# sourceURL=${file.toString(true)}`) as (module: unknown, exports: unknown, require: unknown) => void;
  evaluate(module, module.exports, requireVscode);
  if (module.exports.features === undefined) {
    throw new Error(`${FEATURE_BUNDLE_FILE} has no features`);
  }
  return module.exports.features;
}
