import type { LoadFeatureBundle } from './featureBundle';
import type { GitLookup } from './gitRepository';
import type { GitRunner } from './workspaceIdentity';

/**
 * What differs between VS Code's two kinds of extension host: Node (the desktop, Remote-SSH,
 * Codespaces, code-server) and a browser's web worker (vscode.dev, github.dev), which has no
 * Node modules, no processes and no disk of its own. Each entry point (`extension.node.ts`,
 * `extension.web.ts`) builds one and hands it to the shared composition (`extension.ts`), having
 * chosen how files are written (`useAtomicWriter`).
 */
export interface Platform {
  /** `'web'` in a browser's web worker. */
  readonly kind: 'node' | 'web';
  /** Git for the workspace's identity; none in a browser. */
  readonly gitCommand: GitRunner | undefined;
  /** The built-in Git extension for the Agent Trace export, or why there is none. */
  readonly gitExtension: () => Promise<GitLookup>;
  /** The extension host's environment (the tests' overrides read it); empty in a browser. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** What this host cannot do, said once in the log at activation. */
  readonly limits: readonly string[];
  /** How the feature bundle beside the main one is loaded (a file `require` on Node; read and evaluated in a web worker). */
  readonly loadFeatures: LoadFeatureBundle;
}
