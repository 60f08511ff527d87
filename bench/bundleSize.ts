/**
 * Bundle and package sizes: what each extension host loads at activation stays small (the shared
 * main bundle, and on Node the small entry before it; what makes up the shared one is measured from
 * esbuild's metafile, dist/web/extension.meta.json), the feature bundle beside it (loaded on a
 * command's first run or a dashboard's first showing) and the two together are shown beside it;
 * chart.js lives only in the webview; the `.vsix` stays small apart from the README's screenshots.
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

/** Size in KB, and as fetched or stored compressed (gzip). */
function sizes(file: string): { readonly kb: number; readonly gzipKb: number } {
  const content = readFileSync(file);
  return { kb: round(content.length / 1024), gzipKb: round(gzipSync(content, { level: 9 }).length / 1024) };
}

/** What each host loads at activation against its budget (both run the shared main bundle), the feature bundle, and the two together. */
function extensionFigures(root: string, largest: string): Figure[] {
  const nodeEntry = sizes(join(root, 'dist', 'extension.js'));
  const main = sizes(join(root, 'dist', 'web', 'extension.js'));
  const features = sizes(join(root, 'dist', 'web', 'features.js'));
  const onNode = { kb: round(nodeEntry.kb + main.kb), gzipKb: round(nodeEntry.gzipKb + main.gzipKb) };
  const total = { kb: round(onNode.kb + features.kb), gzipKb: round(onNode.gzipKb + features.gzipKb) };
  return [
    { name: 'Node extension host: loaded at activation, its entry and the shared main bundle (minified)', value: onNode.kb, unit: 'KB', budget: 90, note: `${onNode.gzipKb} KB gzip; the entry ${nodeEntry.kb} KB; largest parts (KB): ${largest}` },
    { name: 'web build: the shared main bundle, loaded at activation (minified)', value: main.kb, unit: 'KB', budget: 120, note: `${main.gzipKb} KB gzip; dist/web/extension.js for vscode.dev and github.dev, and what the Node entry loads` },
    { name: 'feature bundle, loaded on first use by both hosts (minified)', value: features.kb, unit: 'KB', note: `${features.gzipKb} KB gzip; the dashboard panel, CSV and Agent Trace export, backup and restore, Delete All Data, explain` },
    { name: 'all the extension host code, on Node (minified)', value: total.kb, unit: 'KB', note: `${total.gzipKb} KB gzip; what the two copies of shared modules cost shows here` },
  ];
}

export function bundleSizeFigures(root: string, vsix: string): Figure[] {
  const webviewBytes = statSync(join(root, 'dist', 'webview', 'dashboard.js')).size;
  const chartsBytes = statSync(join(root, 'dist', 'webview', 'charts.js')).size;
  const bootBytes = statSync(join(root, 'dist', 'webview', 'boot.js')).size;
  const meta = JSON.parse(readFileSync(join(root, 'dist', 'web', 'extension.meta.json'), 'utf8')) as Metafile;
  const featuresMeta = JSON.parse(readFileSync(join(root, 'dist', 'web', 'features.meta.json'), 'utf8')) as Metafile;
  const leaked = [...Object.keys(meta.inputs), ...Object.keys(featuresMeta.inputs)].filter((input) => HEAVY_WEBVIEW_PACKAGES.some((name) => input.includes(`node_modules/${name}/`)));
  const largest = hostBundleParts(meta).slice(0, 5).map(({ part, bytes }) => `${part} ${round(bytes / 1024)}`).join(', ');
  const entries = zipEntries(vsix);
  const screenshotBytes = entries.filter((entry) => entry.name.startsWith(SCREENSHOTS)).reduce((sum, entry) => sum + entry.storedBytes, 0);
  const vsixBytes = statSync(vsix).size;
  return [
    // Budgeted as minified: what the extension host parses at activation. The compressed size (what
    // a browser fetches) is shown beside it.
    ...extensionFigures(root, largest),
    { name: 'webview libraries in the host bundles (main and feature)', value: leaked.length, unit: 'modules', budget: 0, note: leaked.slice(0, 3).join(', ') },
    { name: 'webview main bundle (minified): the first view', value: round(webviewBytes / 1024), unit: 'KB', budget: 180, note: 'boot script, header, tables, reflection, validation' },
    { name: 'webview charts bundle (minified): chart.js and our charts', value: round(chartsBytes / 1024), unit: 'KB', budget: 180, note: 'loaded after the main bundle' },
    { name: 'webview bundles together (minified)', value: round((webviewBytes + chartsBytes + bootBytes) / 1024), unit: 'KB', note: 'boot + main + charts' },
    { name: 'package (.vsix) without the README screenshots', value: round((vsixBytes - screenshotBytes) / 1024), unit: 'KB', budget: 300, note: `${entries.length} files; with the screenshots ${round(vsixBytes / 1024)} KB` },
  ];
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
