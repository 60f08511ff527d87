import type { FeatureBundle } from '../featureBundle';

/**
 * The Node extension host's way to the two bundles it shares with the browser build: Node's own
 * `require` of the files beside the Node entry, resolved at run time (the build leaves these paths
 * to Node, see esbuild.config.mjs). The code is platform-neutral, so one copy of it in the package
 * serves both hosts. `require` caches each module, so each is evaluated once.
 */

/** The browser entry, which also holds the composition and everything the Node adapters share with it (its exports' type is the caller's). */
export function requireSharedBundle<Exports>(): Exports {
  // Literal paths the build marks external: a computed one would make esbuild bundle every file it might name.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a run-time load of a sibling file, not an import to bundle
  return require('./web/extension.js') as Exports;
}

/** The feature bundle (the dashboard panel and the commands' code), loaded on first use. */
export async function requireFeatureBundle(): Promise<FeatureBundle> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a run-time load of a sibling file, not an import to bundle
  const loaded = require('./web/features.js') as { features?: FeatureBundle };
  if (loaded.features === undefined) {
    throw new Error('The feature bundle has no features');
  }
  return loaded.features;
}
