/** `npm run bench`: every benchmark, printed against its budget and written to bench-results/. */
import { join } from 'node:path';
import { repoRoot } from '../test/harness/codeServer';
import { testedPackage } from '../test/harness/extensionPackage';
import { accuracyFigures } from './accuracy';
import { activationFigures } from './activation';
import { bundleSizeFigures } from './bundleSize';
import { dashboardFigures } from './dashboard';
import { exportFigures } from './export';
import { fateAccuracyFigures, fateFigures } from './fate';
import { historyFigures } from './history';
import { hotPathFigures } from './hotPath';
import { report, type Figure } from './report';
import { terminalFigures } from './terminal';

async function main(): Promise<void> {
  const figures: Figure[] = [
    // The package's own production build is what the sizes and the VS Code benchmarks measure.
    ...bundleSizeFigures(repoRoot, await testedPackage()),
    ...accuracyFigures(),
    ...(await hotPathFigures()),
    ...fateFigures(),
    ...fateAccuracyFigures(),
    ...(await terminalFigures()),
    ...(await historyFigures()),
    ...(await exportFigures()),
    ...(await activationFigures()),
    ...(await dashboardFigures()),
  ];
  const allPass = report(figures, join(repoRoot, 'bench-results'));
  process.exitCode = allPass ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
