/**
 * Activation in the real VS Code, with the installed package: the time `activate()` takes
 * (logged by the extension itself) over several window loads; the whole activation as VS Code
 * measures it (loading the bundle and calling `activate()`) against an empty extension that
 * activates at the same moment in the same window; and the synchronous file-system calls the
 * extension makes (none allowed).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Workbench } from '../test/e2e/workbench';
import { makeRunDir, removeRunDir } from '../test/harness/codeServer';
import { installedFolderName } from '../test/harness/extensionPackage';
import type { Figure } from './report';
import { activationTimes } from './runningExtensions';

const LOADS = 5;
const OURS = 'Ownership Ratio';
const EMPTY = 'Empty extension (benchmark baseline)';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : Number.NaN;
}

export async function activationFigures(): Promise<Figure[]> {
  const runDir = await makeRunDir('bench-activation');
  const probeOut = join(runDir, 'fs-probe.txt');
  // Every bundle of ours: the Node entry and the shared bundles it loads from beside it.
  const bundle = `${join(runDir, 'extensions', installedFolderName(), 'dist')}/`;
  const ours: number[] = [];
  const empty: number[] = [];
  const ratios: number[] = [];
  // A fresh server per load: code-server keeps a disconnected window's extension host alive, and
  // those would compete for the CPU with the next load.
  for (let load = 0; load < LOADS; load++) {
    const workbench = await Workbench.open({
      name: 'bench-activation',
      runDir,
      helperExtensions: ['fs-sync-probe', 'bench-empty-extension'],
      env: { OWNERSHIP_FS_PROBE_OUT: probeOut, OWNERSHIP_FS_PROBE_BUNDLE: bundle },
    });
    try {
      const times = await activationTimes(workbench, [OURS, EMPTY]);
      const [mine, baseline] = [times.get(OURS), times.get(EMPTY)];
      if (mine !== undefined && baseline !== undefined) {
        ours.push(mine);
        empty.push(baseline);
        ratios.push(mine / Math.max(baseline, 1));
      }
    } finally {
      await workbench.close();
    }
  }
  const timings = findFiles(join(runDir, 'user-data', 'logs'), 'Ownership Ratio.log')
    .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/Activated in ([\d.]+) ms/g)].map((match) => Number(match[1])))
    .sort((a, b) => a - b);
  const probe = existsSync(probeOut) ? readFileSync(probeOut, 'utf8') : '';
  const probeLoaded = probe.includes('loaded');
  const syncCalls = probe.split('\n').filter((line) => line.startsWith('sync ')).length;
  if (process.env.KEEP) { console.log(runDir); } else { await removeRunDir(runDir); }
  return [
    { name: 'activate() in VS Code 1.139 (median)', value: median(timings), unit: 'ms', budget: 20, note: `${timings.length} loads: ${timings.map((t) => t.toFixed(1)).join(', ')}` },
    {
      name: 'activation as VS Code measures it, against an empty extension in the same window (median ratio)',
      value: Math.round(median(ratios) * 10) / 10,
      unit: '×',
      budget: 1.5,
      note: `${ratios.length} loads; ours ${ours.join(', ')} ms, the empty extension's ${empty.join(', ')} ms (code loading + activate())`,
    },
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
