import type { backupHistory, restoreHistory } from './backupCommands';
import type { DashboardPanel } from './dashboardPanel';
import type { deleteAllData } from './deleteAllData';
import type { explainRecentAttributions } from './explainCommand';
import type { exportCsv } from './exportCommand';
import type { exportAgentTrace } from './traceExport';

/**
 * What the feature bundle (`features.js` beside the main bundle, built from `src/features.ts`)
 * gives: the code that runs only on a user's command or when a dashboard is shown, kept out of
 * what VS Code loads at activation. Only types are imported here, so none of it reaches the main
 * bundle. Whatever holds state (the history, the writer of crash-safe files, the log) is created
 * in the main bundle and passed in with each call, never imported by the feature bundle: a module
 * in both bundles would have two copies of its state.
 */
export interface FeatureBundle {
  readonly DashboardPanel: typeof DashboardPanel;
  readonly exportCsv: typeof exportCsv;
  readonly exportAgentTrace: typeof exportAgentTrace;
  readonly backupHistory: typeof backupHistory;
  readonly restoreHistory: typeof restoreHistory;
  readonly deleteAllData: typeof deleteAllData;
  readonly explainRecentAttributions: typeof explainRecentAttributions;
}

/** The file name of the feature bundle, beside the main bundle in both builds (see esbuild.config.mjs). */
export const FEATURE_BUNDLE_FILE = 'features.js';

/** How one extension host loads the feature bundle (see `Platform.loadFeatures`). */
export type LoadFeatureBundle = () => Promise<FeatureBundle>;

/**
 * Loads something once, on first use: `now` is it once loaded (so that a second use need not
 * wait), `get` loads it or waits for the load under way. A load that failed is tried again by the
 * next `get`, and said in the log.
 */
export class OnDemand<T> {
  private loaded: T | undefined;
  private loading: Promise<T> | undefined;

  constructor(private readonly load: () => Promise<T>, private readonly onFailure: (error: unknown) => void = () => undefined) {}

  /** Loaded already (the unit tests, which import the feature modules directly). */
  static of<T>(value: T): OnDemand<T> {
    const onDemand = new OnDemand<T>(() => Promise.resolve(value));
    onDemand.loaded = value;
    return onDemand;
  }

  get now(): T | undefined {
    return this.loaded;
  }

  get(): Promise<T> {
    if (this.loaded !== undefined) {
      return Promise.resolve(this.loaded);
    }
    this.loading ??= this.load().then((value) => {
      this.loaded = value;
      return value;
    }, (error: unknown) => {
      this.loading = undefined;
      this.onFailure(error);
      throw error;
    });
    return this.loading;
  }
}
