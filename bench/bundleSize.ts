/**
 * Bundle and package sizes: the extension host bundles stay small (what makes up the Node one is
 * measured from esbuild's metafile, dist/extension.meta.json); chart.js lives only in the webview;
 * the `.vsix` stays small apart from the README's screenshots.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './report';
import { zipEntries } from './zipEntries';

const HEAVY_WEBVIEW_PACKAGES = ['chart.js', '@kurkle/color'];
const SCREENSHOTS = 'extension/media/screenshots/';

interface Metafile {
  readonly inputs: Record<string, unknown>;
  readonly outputs: Record<string, { readonly inputs: Record<string, { readonly bytesInOutput: number }> }>;
}

/** Where the host bundle's bytes come from: each npm package, and our own code by folder. */
export function hostBundleParts(meta: Metafile): Array<{ readonly part: string; readonly bytes: number }> {
  const output = Object.entries(meta.outputs).find(([file]) => file.endsWith('extension.js'))?.[1];
  const parts = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    const part = inPackage ? inPackage[1] : input.split('/').slice(0, input.startsWith('src/core/') ? 3 : 2).join('/');
    parts.set(part, (parts.get(part) ?? 0) + bytesInOutput);
  }
  return [...parts].map(([part, bytes]) => ({ part, bytes })).sort((a, b) => b.bytes - a.bytes);
}

export function bundleSizeFigures(root: string, vsix: string): Figure[] {
  const extensionBytes = statSync(join(root, 'dist', 'extension.js')).size;
  const web = readFileSync(join(root, 'dist', 'web', 'extension.js'));
  const webviewBytes = statSync(join(root, 'dist', 'webview', 'dashboard.js')).size;
  const chartsBytes = statSync(join(root, 'dist', 'webview', 'charts.js')).size;
  const bootBytes = statSync(join(root, 'dist', 'webview', 'boot.js')).size;
  const meta = JSON.parse(readFileSync(join(root, 'dist', 'extension.meta.json'), 'utf8')) as Metafile;
  const leaked = Object.keys(meta.inputs).filter((input) => HEAVY_WEBVIEW_PACKAGES.some((name) => input.includes(`node_modules/${name}/`)));
  const largest = hostBundleParts(meta).slice(0, 5).map(({ part, bytes }) => `${part} ${round(bytes / 1024)}`).join(', ');
  const entries = zipEntries(vsix);
  const screenshotBytes = entries.filter((entry) => entry.name.startsWith(SCREENSHOTS)).reduce((sum, entry) => sum + entry.storedBytes, 0);
  const vsixBytes = statSync(vsix).size;
  return [
    { name: 'extension-host bundle (minified)', value: round(extensionBytes / 1024), unit: 'KB', budget: 90, note: `largest parts (KB): ${largest}` },
    { name: 'webview libraries in the host bundle', value: leaked.length, unit: 'modules', budget: 0, note: leaked.slice(0, 3).join(', ') },
    // Budgeted as minified, like the host bundle: what the web worker parses. The compressed size
    // (what a browser fetches) is shown beside it.
    { name: 'web build (browser bundle, minified)', value: round(web.length / 1024), unit: 'KB', budget: 120, note: `dist/web/extension.js for vscode.dev and github.dev; ${round(gzipSync(web, { level: 9 }).length / 1024)} KB as fetched (gzip)` },
    { name: 'webview main bundle (minified): the first view', value: round(webviewBytes / 1024), unit: 'KB', budget: 180, note: 'boot script, header, tables, reflection, validation' },
    { name: 'webview charts bundle (minified): chart.js and our charts', value: round(chartsBytes / 1024), unit: 'KB', budget: 180, note: 'loaded after the main bundle' },
    { name: 'webview bundles together (minified)', value: round((webviewBytes + chartsBytes + bootBytes) / 1024), unit: 'KB', note: 'boot + main + charts' },
    { name: 'package (.vsix) without the README screenshots', value: round((vsixBytes - screenshotBytes) / 1024), unit: 'KB', budget: 300, note: `${entries.length} files; with the screenshots ${round(vsixBytes / 1024)} KB` },
  ];
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
