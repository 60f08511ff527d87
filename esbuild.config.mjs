// Builds the bundles: the extension for a browser's web-worker extension host (vscode.dev,
// github.dev; no Node module may reach it, which the browser platform makes a build error), the
// small entry of the Node extension host, which loads that same platform-neutral bundle from beside
// it and adds only what needs Node, and the dashboard webview (IIFE).
// The extension is two bundles: the main one (what VS Code loads at activation) and the feature
// bundle beside it (features.js: the dashboard panel and the commands' code), which the main one
// loads on first use (src/host/featureBundle.ts). Both hosts run the same two files.
// Type checking is separate (`npm run typecheck`), so builds stay fast.
//   node esbuild.config.mjs               development build (source maps)
//   node esbuild.config.mjs --production  minified, what gets packaged: a clean dist/, source maps
//                                         beside the bundles for reading stack traces (never packaged)
//   node esbuild.config.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { rm, writeFile } from 'node:fs/promises';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the `file:line:col: error:` form the esbuild problem matcher understands. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) {
        console.log('[watch] build started');
      }
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) {
          console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
      }
      if (watch) {
        console.log('[watch] build finished');
      }
    });
  },
};

/**
 * The Node entry's run-time loads of the shared bundles (src/host/node/bundleFiles.ts) stay
 * `require`s of the files beside it for Node to resolve, never bundled into it.
 */
const sharedBundlesExternalPlugin = {
  name: 'shared-bundles-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/web\/(extension|features)\.js$/ }, ({ path }) => ({ path, external: true }));
  },
};

const common = {
  bundle: true,
  minify: production,
  // Production maps are external (no link in the bundle): kept in dist/, left out by .vscodeignore.
  sourcemap: production ? 'external' : true,
  sourcesContent: false,
  logLevel: 'warning',
  metafile: true,
  plugins: [problemMatcherPlugin],
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
};

const nodeExtension = {
  ...common,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
};

const webExtension = {
  ...common,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  // A web worker has no `Buffer`; the one library that touches it gets a small stand-in (src/host/bufferShim.ts).
  inject: ['src/host/bufferShim.ts'],
};

const extensionOptions = { ...nodeExtension, plugins: [...common.plugins, sharedBundlesExternalPlugin], entryPoints: ['src/extension.node.ts'], outfile: 'dist/extension.js' };
const webExtensionOptions = { ...webExtension, entryPoints: ['src/extension.web.ts'], outfile: 'dist/web/extension.js' };
const webFeaturesOptions = { ...webExtension, entryPoints: ['src/features.ts'], outfile: 'dist/web/features.js' };

const webviewOptions = {
  ...common,
  // The boot script says "ready" while the main bundle loads (see src/webview/boot.ts); the main
  // bundle draws the first view; the charts (chart.js) come last.
  entryPoints: { boot: 'src/webview/boot.ts', dashboard: 'src/webview/main.ts', charts: 'src/webview/charts/index.ts' },
  outdir: 'dist/webview',
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
};

/** Each build, and where its metafile goes: what went into it, for the size benchmark and the bundle tests (kept out of the package). */
const builds = [
  [extensionOptions, 'dist/extension.meta.json'],
  [webExtensionOptions, 'dist/web/extension.meta.json'],
  [webFeaturesOptions, 'dist/web/features.meta.json'],
  [webviewOptions, 'dist/webview.meta.json'],
];

if (watch) {
  const contexts = await Promise.all(builds.map(([options]) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  if (production) {
    // Files of an earlier development build (its maps) must not linger into the package.
    await rm('dist', { recursive: true, force: true });
  }
  const results = await Promise.all(builds.map(([options]) => esbuild.build(options)));
  await Promise.all(results.map((result, index) => writeFile(builds[index][1], JSON.stringify(result.metafile))));
  if (results.some((result) => result.errors.length > 0)) {
    process.exitCode = 1;
  }
}
