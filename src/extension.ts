import * as vscode from 'vscode';
import { IntentLog } from './core/attribution/intents';
import { projectKey } from './core/history/projectTotals';
import { sharedStoragePath } from './core/history/sharedStorage';
import { SNAPSHOT_VERSION, requestedSnapshotVersion, snapshotV1, type Snapshot, type SnapshotV1 } from './core/history/snapshot';
import { systemCalendar, type Calendar } from './core/calendar';
import { countedChars } from './core/ratio';
import { testHooks } from './core/testHooks';
import { Authorship } from './core/trace/authorship';
import type { OwnershipRatioApi } from './host/api';
import { writeFileAtomic } from './host/atomicFile';
import { watchEdits, type AttributionOptions } from './host/attribution';
import { EarlierHistory } from './host/earlierHistory';
import { Dashboard } from './host/dashboard';
import { FateWatcher } from './host/fateWatcher';
import { OnDemand, type FeatureBundle } from './host/featureBundle';
import type { Platform } from './host/platform';
import { ReflectionReminder, Reflections } from './host/reflection';
import { ProjectCopy } from './host/projectCopy';
import { ProjectsFolder } from './host/projectsFolder';
import { OwnershipStatusBar } from './host/statusBar';
import { StorageAlert } from './host/storageAlert';
import { testHooksAllowed } from './host/testHooksAllowed';
import { ShellIntegrationNotice } from './host/terminal/shellIntegrationNotice';
import { quarantineFolder } from './host/quarantineFolder';
import { WorkspaceHistory } from './host/workspaceHistory';
import { workspaceIdentity } from './host/workspaceIdentity';
import { WorkspaceIndexFile } from './host/workspaceIndexFile';

/** The walkthrough in package.json (`contributes.walkthroughs`). */
const WALKTHROUGH_ID = 'gettingStarted';

/** Kept for `deactivate()`, which must await the final write. */
let history: WorkspaceHistory | undefined;
/** Kept for `deactivate()`: the session's pending figures count before that write. */
let fate: FateWatcher | undefined;
/** Kept for `deactivate()`: the workspace index learns whether this workspace has history now. */
let earlier: EarlierHistory | undefined;
/** Kept for `deactivate()`: this workspace's copy for "All projects" gets its last counts. */
let projectCopy: ProjectCopy | undefined;

/**
 * Composition root, shared by the Node and the browser entry points (which choose `platform`):
 * builds the pieces, wires them, and hands every disposable to VS Code.
 */
export function activateOn(extensionContext: vscode.ExtensionContext, platform: Platform): OwnershipRatioApi {
  const context = withSharedStorage(extensionContext);
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Ownership Ratio', { log: true });
  const calendar = systemCalendar;
  // Nothing of ours is synced by Settings Sync: history and reflections stay on this machine.
  context.globalState.setKeysForSync([]);
  const alert = new StorageAlert(log); // one warning a session for any file of ours not written
  const counts = history = new WorkspaceHistory(context, calendar, log, alert);
  const reflections = new Reflections(context, calendar, log, alert);
  void reflections.writeBackup();
  const features = featureBundle(platform, log);
  const projects = allProjects(context, counts, calendar, log, alert);
  const restore = (backup: vscode.Uri): Promise<boolean> => features.get().then((loaded) => loaded.restoreHistory(counts, reflections, backup));
  const earlierHistory = earlier = findEarlierHistory(context, platform, { history: counts, restore, calendar, log, alert, projects: projects?.folder });
  const snapshot = servedSnapshot(counts, log); // the API's and the command's, one deprecation note for both
  const dashboard = new Dashboard({ extensionUri: context.extensionUri, calendar, source: counts, reflections, log, projects: projects?.dashboard }, new OnDemand(() => features.get().then((loaded) => loaded.DashboardPanel)));
  const reflect = (): void => {
    if (reflections.enabled()) {
      void dashboard.open('reflection');
    } else {
      void vscode.window.showInformationMessage(vscode.l10n.t('Reflection is turned off. Turn it on in the settings (Ownership Ratio › Reflection).'));
    }
  };
  const shellIntegration = new ShellIntegrationNotice();
  const statusBar = new OwnershipStatusBar(counts, calendar, undefined, shellIntegration);
  const authorship = new Authorship(); // who wrote which lines of each open document, for the Agent Trace export
  const fateWatcher = new FateWatcher({ clock: calendar, sink: counts, horizonMs: testOverrides(context, platform).horizonMs, authorship });
  counts.followed = fate = fateWatcher;

  context.subscriptions.push(
    log,
    counts,
    dashboard,
    shellIntegration,
    statusBar,
    fateWatcher,
    new ReflectionReminder({
      calendar, state: context.globalState, reflections, reflect, log, ready: counts.whenLoaded(),
      hasActivityToday: () => countedChars(counts.getSnapshot().today.chars) > 0,
    }),
    ...watchEdits({
      clock: calendar,
      intents: new IntentLog(),
      log,
      ...countAndFollow(counts, fateWatcher),
      // The editor's user data folder (…/User, holding globalStorage/<this extension>).
      uncountedFolders: [vscode.Uri.joinPath(context.globalStorageUri, '..', '..')],
    }),
    ...registerCommands({ context, calendar, counts, dashboard, reflections, reflect, earlierHistory, projects: projects?.folder, snapshot, features }),
    registerTraceExport({ context, authorship, calendar, platform, features }),
  );

  logActivation(log, started, platform);
  return { getSnapshot: snapshot as OwnershipRatioApi['getSnapshot'], onDidChange: counts.onDidChange, getStatusBar: () => statusBar.state };
}

/** What runs only on a command or for a shown dashboard: its own bundle, loaded on first use. */
function featureBundle(platform: Platform, log: vscode.LogOutputChannel): OnDemand<FeatureBundle> {
  return new OnDemand(platform.loadFeatures, (error) => log.error(`The extension's features could not be loaded: ${String(error)}`));
}

/** How long activation took, and what this extension host cannot do. */
function logActivation(log: vscode.LogOutputChannel, started: number, platform: Platform): void {
  log.info(`Activated in ${(performance.now() - started).toFixed(2)} ms${platform.kind === 'web' ? ' (web worker extension host)' : ''}`);
  platform.limits.forEach((limit) => log.info(limit));
}

/** The snapshot in the version asked for; version 1 is deprecated, which the log says once. */
function servedSnapshot(counts: WorkspaceHistory, log: vscode.LogOutputChannel): (options?: unknown) => Snapshot | SnapshotV1 {
  let noted = false;
  return (options) => {
    const snapshot = counts.getSnapshot();
    if (requestedSnapshotVersion(options) === SNAPSHOT_VERSION) {
      return snapshot;
    }
    if (!noted) {
      noted = true;
      log.warn('An extension asked for version 1 of the snapshot; it is served for one more release. Version 2 adds aiFate and lead.');
    }
    return snapshotV1(snapshot);
  };
}

/** The context with the workspace's storage folder as all its windows share it (see `sharedStoragePath`). */
function withSharedStorage(context: vscode.ExtensionContext): vscode.ExtensionContext {
  const own = context.storageUri;
  const shared = own === undefined ? undefined : own.with({ path: sharedStoragePath(own.path) });
  return shared === undefined || shared.toString() === own?.toString() ? context : Object.create(context, { storageUri: { value: shared } }) as vscode.ExtensionContext;
}

/** The workspace index (not without a folder open): kept up to date, and asked for this workspace's earlier history. */
function findEarlierHistory(context: vscode.ExtensionContext, platform: Platform, deps: {
  history: WorkspaceHistory; restore: (backup: vscode.Uri) => Promise<boolean>; calendar: Calendar; log: vscode.LogOutputChannel; alert: StorageAlert; projects: ProjectsFolder | undefined;
}): EarlierHistory | undefined {
  if (context.storageUri === undefined) {
    return undefined;
  }
  const { calendar, log } = deps;
  const found = new EarlierHistory({
    ...deps,
    index: new WorkspaceIndexFile(context.globalStorageUri, quarantineFolder(context.globalStorageUri), calendar, log, deps.alert),
    storage: context.storageUri,
    identity: () => workspaceIdentity(platform.gitCommand),
  });
  context.subscriptions.push(found);
  void found.arrived().catch((error: unknown) => log.warn(`The workspace index could not be consulted: ${String(error)}`));
  return found;
}

/** The workspace's name as "All projects" shows it: its folders' names. */
function workspaceName(): string {
  const folders = vscode.workspace.workspaceFolders ?? [];
  return folders.length > 0 ? folders.map((folder) => folder.name).join(', ') : vscode.workspace.name ?? '';
}

/** "All projects" (not without a folder open): this workspace's copy kept up to date, and the folder for the dashboard. */
function allProjects(context: vscode.ExtensionContext, counts: WorkspaceHistory, calendar: Calendar, log: vscode.LogOutputChannel, alert: StorageAlert) {
  const key = context.storageUri === undefined ? undefined : projectKey(context.storageUri.path);
  if (key === undefined) {
    return undefined;
  }
  const folder = new ProjectsFolder(context.globalStorageUri, key, quarantineFolder(context.globalStorageUri), calendar, log, alert);
  const copy = projectCopy = new ProjectCopy(folder, counts, workspaceName, () => calendar.now());
  context.subscriptions.push(copy);
  return {
    folder,
    dashboard: { key, name: workspaceName, readOthers: () => folder.readOthers(), remove: (other: string) => folder.remove(other) },
  };
}

/** Each attribution is counted, then its change followed for what becomes of AI text. */
function countAndFollow(counts: WorkspaceHistory, fate: FateWatcher): Pick<AttributionOptions, 'onAttribution' | 'onReplace' | 'onFact'> {
  return {
    onAttribution: (attribution) => {
      counts.record(attribution);
      fate.observe(attribution);
    },
    onReplace: (previous, next) => {
      counts.replace(previous, next);
      fate.reclassify(previous, next);
    },
    onFact: (fact) => fate.noteFact(fact),
  };
}

/** The tests' overrides (see `core/testHooks.ts`): never for an installed extension without the test-only marker. */
function testOverrides(context: vscode.ExtensionContext, platform: Platform): { readonly horizonMs?: number } {
  const { horizonMs } = testHooks(platform.env, testHooksAllowed(context));
  return horizonMs === undefined ? {} : { horizonMs };
}

/**
 * The palette's commands (ids and titles in package.json), registered at activation; most of them
 * load the feature bundle on their first run and pass it what holds state.
 */
function registerCommands({ context, calendar, counts, dashboard, reflections, reflect, earlierHistory, projects, snapshot, features }: {
  context: vscode.ExtensionContext; calendar: Calendar; counts: WorkspaceHistory; dashboard: Dashboard; reflections: Reflections; reflect: () => void;
  earlierHistory: EarlierHistory | undefined; projects: ProjectsFolder | undefined; snapshot: (options?: unknown) => Snapshot | SnapshotV1;
  features: OnDemand<FeatureBundle>;
}): vscode.Disposable[] {
  const write = writeFileAtomic;
  return [
    vscode.commands.registerCommand('ownershipRatio.openDashboard', () => dashboard.open()),
    vscode.commands.registerCommand('ownershipRatio.reflect', reflect),
    vscode.commands.registerCommand('ownershipRatio.explainAttributions', async () => (await features.get()).explainRecentAttributions(counts.getSnapshot().recent)),
    vscode.commands.registerCommand('ownershipRatio.backup', async (target?: vscode.Uri) => (await features.get()).backupHistory({ history: counts, reflections, calendar, write }, target)),
    vscode.commands.registerCommand('ownershipRatio.restore', async (source?: vscode.Uri) => (await features.get()).restoreHistory(counts, reflections, source)),
    vscode.commands.registerCommand('ownershipRatio.exportCsv', async (args?: unknown) => (await features.get()).exportCsv({ history: counts, reflections: reflections.exportSource(), calendar, write }, args)),
    vscode.commands.registerCommand('ownershipRatio.deleteAllData', async (args?: unknown) => (await features.get()).deleteAllData(context, counts, args, earlierHistory, projects)),
    vscode.commands.registerCommand('ownershipRatio.snapshot', snapshot),
    vscode.commands.registerCommand('ownershipRatio.gettingStarted', () => vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false)),
  ];
}

/** `ownershipRatio.exportAgentTrace`: the lines of the open documents by who wrote them, from the feature bundle. */
function registerTraceExport({ context, authorship, calendar, platform, features }: {
  context: vscode.ExtensionContext; authorship: Authorship; calendar: Calendar; platform: Platform; features: OnDemand<FeatureBundle>;
}): vscode.Disposable {
  const toolVersion = String((context.extension.packageJSON as { version?: unknown }).version ?? '');
  return vscode.commands.registerCommand('ownershipRatio.exportAgentTrace', async (args?: unknown) => (await features.get()).exportAgentTrace({
    authorship, clock: calendar, git: platform.gitExtension, toolVersion, write: writeFileAtomic,
  }, args));
}

/** The final write of this window's counts; everything else is disposed through context.subscriptions. */
export async function deactivate(): Promise<void> {
  fate?.settleAll();
  fate = undefined;
  await history?.close();
  history = undefined;
  await projectCopy?.close().catch(() => undefined);
  projectCopy = undefined;
  await earlier?.tellIndex().catch(() => undefined);
  earlier = undefined;
}
