import { backupHistory, restoreHistory } from './host/backupCommands';
import { DashboardPanel } from './host/dashboardPanel';
import { deleteAllData } from './host/deleteAllData';
import { explainRecentAttributions } from './host/explainCommand';
import { exportCsv } from './host/exportCommand';
import type { FeatureBundle } from './host/featureBundle';
import { exportAgentTrace } from './host/traceExport';

/**
 * The entry point of the feature bundle (`features.js` beside each build's main bundle), loaded on
 * first use by the main bundle (see `host/featureBundle.ts`). It only gathers: every piece takes
 * what holds state from its caller.
 */
export const features: FeatureBundle = {
  DashboardPanel,
  exportCsv,
  exportAgentTrace,
  backupHistory,
  restoreHistory,
  deleteAllData,
  explainRecentAttributions,
};
