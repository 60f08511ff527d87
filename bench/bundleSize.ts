/** Bundle sizes: the extension host bundle stays small; chart.js and date-fns live only in the webview. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from './report';

const HEAVY_WEBVIEW_PACKAGES = ['chart.js', 'date-fns', '@kurkle/color'];

export function bundleSizeFigures(root: string): Figure[] {
  const extensionBytes = statSync(join(root, 'dist', 'extension.js')).size;
  const webviewBytes = statSync(join(root, 'dist', 'webview', 'dashboard.js')).size;
  const meta = JSON.parse(readFileSync(join(root, 'dist', 'extension.meta.json'), 'utf8')) as { inputs: Record<string, unknown> };
  const leaked = Object.keys(meta.inputs).filter((input) => HEAVY_WEBVIEW_PACKAGES.some((name) => input.includes(`node_modules/${name}/`)));
  return [
    { name: 'extension-host bundle (minified)', value: round(extensionBytes / 1024), unit: 'KB', budget: 150 },
    { name: 'webview libraries in the host bundle', value: leaked.length, unit: 'modules', budget: 0, note: leaked.slice(0, 3).join(', ') },
    { name: 'webview bundle (minified)', value: round(webviewBytes / 1024), unit: 'KB', budget: 400 },
  ];
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
