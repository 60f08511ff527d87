/** Bundle sizes: the extension host bundles stay small; chart.js and date-fns live only in the webview. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './report';

const HEAVY_WEBVIEW_PACKAGES = ['chart.js', '@kurkle/color'];

export function bundleSizeFigures(root: string): Figure[] {
  const extensionBytes = statSync(join(root, 'dist', 'extension.js')).size;
  const web = readFileSync(join(root, 'dist', 'web', 'extension.js'));
  const webviewBytes = statSync(join(root, 'dist', 'webview', 'dashboard.js')).size;
  const chartsBytes = statSync(join(root, 'dist', 'webview', 'charts.js')).size;
  const bootBytes = statSync(join(root, 'dist', 'webview', 'boot.js')).size;
  const meta = JSON.parse(readFileSync(join(root, 'dist', 'extension.meta.json'), 'utf8')) as { inputs: Record<string, unknown> };
  const leaked = Object.keys(meta.inputs).filter((input) => HEAVY_WEBVIEW_PACKAGES.some((name) => input.includes(`node_modules/${name}/`)));
  return [
    { name: 'extension-host bundle (minified)', value: round(extensionBytes / 1024), unit: 'KB', budget: 150 },
    { name: 'webview libraries in the host bundle', value: leaked.length, unit: 'modules', budget: 0, note: leaked.slice(0, 3).join(', ') },
    // A browser fetches the web build compressed, as the Marketplace and every web server send it.
    { name: 'web build (browser bundle, minified, gzip as fetched)', value: round(gzipSync(web, { level: 9 }).length / 1024), unit: 'KB', budget: 120, note: 'dist/web/extension.js for vscode.dev and github.dev' },
    { name: 'web build (browser bundle, minified, uncompressed)', value: round(web.length / 1024), unit: 'KB', note: 'what the web worker parses' },
    { name: 'webview main bundle (minified): the first view', value: round(webviewBytes / 1024), unit: 'KB', budget: 180, note: 'boot script, header, tables, reflection, validation' },
    { name: 'webview charts bundle (minified): chart.js and our charts', value: round(chartsBytes / 1024), unit: 'KB', budget: 180, note: 'loaded after the main bundle' },
    { name: 'webview bundles together (minified)', value: round((webviewBytes + chartsBytes + bootBytes) / 1024), unit: 'KB', note: 'boot + main + charts' },
  ];
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
