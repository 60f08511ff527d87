import { FEATURE_BUNDLE_FILE, type FeatureBundle } from '../featureBundle';

/**
 * The Node extension host's way to the feature bundle: Node's own `require` of the file beside the
 * main bundle, resolved at run time (the build leaves this one path to Node, see esbuild.config.mjs).
 * `require` caches the module, so the bundle is evaluated once.
 */
export async function requireFeatureBundle(): Promise<FeatureBundle> {
  // A literal the build marks external: a computed path would make esbuild bundle every file it might name.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a run-time load of a sibling file, not an import to bundle
  const loaded = require('./features.js') as { features?: FeatureBundle };
  if (loaded.features === undefined) {
    throw new Error(`${FEATURE_BUNDLE_FILE} has no features`);
  }
  return loaded.features;
}
