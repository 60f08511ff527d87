/**
 * Activation in the real VS Code: the time `activate()` takes (logged by the extension itself)
 * over several window loads, and the synchronous file-system calls it makes (none allowed).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../test/harness/browser';
import { makeRunDir, removeRunDir, repoRoot, startCodeServer } from '../test/harness/codeServer';
import type { Figure } from './report';

const LOADS = 5;
const STATUS_BAR = '[id="ownership.ownership-ratio.ownershipRatio.status"]';

export async function activationFigures(): Promise<Figure[]> {
  const runDir = await makeRunDir('bench-activation');
  const probeOut = join(runDir, 'fs-probe.txt');
  const bundle = join(repoRoot, 'dist', 'extension.js');
  // A fresh server per load: code-server keeps a disconnected window's extension host alive, and
  // those would compete for the CPU with the next load.
  for (let load = 0; load < LOADS; load++) {
    const server = await startCodeServer({
      name: 'bench-activation',
      runDir,
      helperExtensions: [join(repoRoot, 'test', 'fixtures', 'extensions', 'fs-sync-probe')],
      env: { OWNERSHIP_FS_PROBE_OUT: probeOut, OWNERSHIP_FS_PROBE_BUNDLE: bundle },
    });
    const browser = await launchBrowser();
    try {
      await browser.page.goto(server.workbenchUrl({ extensionDevelopmentPath: repoRoot }));
      await browser.page.locator(STATUS_BAR).waitFor({ state: 'visible', timeout: 60_000 });
    } finally {
      await browser.close();
      await server.stop();
    }
  }
  const timings = findFiles(join(runDir, 'user-data', 'logs'), 'Ownership Ratio.log')
    .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/Activated in ([\d.]+) ms/g)].map((match) => Number(match[1])))
    .sort((a, b) => a - b);
  const probe = existsSync(probeOut) ? readFileSync(probeOut, 'utf8') : '';
  const probeLoaded = probe.includes('loaded');
  const syncCalls = probe.split('\n').filter((line) => line.startsWith('sync ')).length;
  if (process.env.KEEP) { console.log(runDir); } else { await removeRunDir(runDir); }
  const median = timings.length ? timings[Math.floor(timings.length / 2)] : Number.NaN;
  return [
    { name: 'activate() in VS Code 1.139 (median)', value: median, unit: 'ms', budget: 20, note: `${timings.length} loads: ${timings.map((t) => t.toFixed(1)).join(', ')}` },
    { name: 'sync file-system calls by the extension', value: probeLoaded ? syncCalls : Number.NaN, unit: 'calls', budget: 0, note: probeLoaded ? 'probed in the extension host' : 'probe did not load' },
  ];
}

function findFiles(dir: string, name: string): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? findFiles(path, name) : entry === name ? [path] : [];
  });
}
