/**
 * What the `.vsix` holds, checked where VS Code put it after installing it: exactly the expected
 * files (test/package/expected-files.txt), no source maps, and every file the manifest and the
 * dashboard name. A file left out of the package fails here before any suite runs without it.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { installIntoFolder, makeRunDir, removeRunDir, repoRoot } from '../harness/codeServer';
import { installedFolderName, testedPackage } from '../harness/extensionPackage';

const EXPECTED = join(repoRoot, 'test', 'package', 'expected-files.txt');

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(root, path) : [relative(root, path)];
  }).sort();
}

function expectedFiles(): string[] {
  return readFileSync(EXPECTED, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#')).sort();
}

/** The files package.json and the dashboard panel name, which must be in any package. */
function namedFiles(manifest: PackageManifest): string[] {
  const locales = readdirSync(repoRoot).map((name) => /^package\.nls\.([\w-]+)\.json$/.exec(name)?.[1]).filter((locale) => locale !== undefined);
  const walkthroughMedia = (manifest.contributes.walkthroughs ?? []).flatMap((walkthrough) => walkthrough.steps.map((step) => step.media.svg ?? step.media.image)).filter((file) => file !== undefined);
  return [
    manifest.main, manifest.browser, manifest.icon, ...walkthroughMedia,
    'package.json', 'package.nls.json', ...locales.map((locale) => `package.nls.${locale}.json`), ...locales.map((locale) => `${manifest.l10n}/bundle.l10n.${locale}.json`),
    // The shared bundles the Node entry loads from beside it (src/host/node/bundleFiles.ts); the
    // browser entry is the first of them and loads the second on first use (src/host/featureBundle.ts).
    'dist/web/extension.js', 'dist/web/features.js',
    // What the dashboard panel loads (src/host/dashboardPanel.ts).
    'dist/webview/boot.js', 'dist/webview/dashboard.js', 'dist/webview/charts.js', 'media/dashboard.css',
  ].map((file) => file.replace(/^\.\//, ''));
}

interface PackageManifest {
  readonly main: string;
  /** The web build, for a browser's web-worker extension host. */
  readonly browser: string;
  readonly icon: string;
  readonly l10n: string;
  readonly contributes: { readonly walkthroughs?: ReadonlyArray<{ readonly steps: ReadonlyArray<{ readonly media: { readonly svg?: string; readonly image?: string } }> }> };
}

describe('The package (.vsix), as installed', function () {
  let runDir: string;
  let installed: string[];
  let folder: string;

  before(async function () {
    this.timeout(600_000);
    const vsix = await testedPackage();
    runDir = await makeRunDir('package');
    folder = join(await installIntoFolder(vsix, runDir), installedFolderName());
    installed = filesUnder(folder);
  });

  after(async function () {
    await removeRunDir(runDir);
  });

  it('holds exactly the files of test/package/expected-files.txt', function () {
    const expected = expectedFiles();
    const missing = expected.filter((file) => !installed.includes(file));
    const unexpected = installed.filter((file) => !expected.includes(file));
    assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] });
  });

  it('holds every file its manifest and its dashboard name (each locale, the walkthrough\'s images, the page\'s scripts and stylesheet)', function () {
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as PackageManifest;
    const missing = namedFiles(manifest).filter((file) => !installed.includes(file));
    assert.deepEqual(missing, []);
  });

  it('holds no source map, while the build folder keeps them for reading stack traces', function () {
    assert.deepEqual(installed.filter((file) => file.endsWith('.map')), []);
    assert.ok(existsSync(join(repoRoot, 'dist', 'extension.js.map')), 'dist/extension.js.map is kept in the build folder');
    assert.doesNotMatch(readFileSync(join(folder, 'dist', 'extension.js'), 'utf8').slice(-200), /sourceMappingURL/, 'the packaged bundle links no map that is not there');
  });
});
