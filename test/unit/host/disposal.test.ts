import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IntentLog } from '../../../src/core/attribution/intents';
import { calendarOf } from '../../../src/core/calendar';
import { ChangeWatcher } from '../../../src/host/changeWatcher';
import { Dashboard } from '../../../src/host/dashboard';
import { DashboardPanel } from '../../../src/host/dashboardPanel';
import { OnDemand } from '../../../src/host/featureBundle';
import { EditContext } from '../../../src/host/editContext';
import { FateWatcher } from '../../../src/host/fateWatcher';
import { AcceptCommandInterceptor } from '../../../src/host/intents/acceptCommands';
import { CommandInterceptor } from '../../../src/host/intents/commandInterceptor';
import { DiskChangeObserver } from '../../../src/host/intents/diskChangeObserver';
import { ToolCommandInterceptor } from '../../../src/host/intents/toolCommands';
import { EditorIntents } from '../../../src/host/intents/editorIntents';
import { PasteObserver } from '../../../src/host/intents/pasteObserver';
import { ReflectionReminder, Reflections } from '../../../src/host/reflection';
import { ProjectCopy } from '../../../src/host/projectCopy';
import { ProjectsFolder } from '../../../src/host/projectsFolder';
import { OwnershipStatusBar } from '../../../src/host/statusBar';
import { WorkspaceHistory } from '../../../src/host/workspaceHistory';
import { fakeExtensionContext, FakeUri, installFakeVscode, type FakeVscode } from '../../support/fakeVscode';
import { FakeTime } from '../history/fakes';
import { TerminalRuns } from '../../../src/core/terminal/terminalRuns';
import { TerminalFileWrites } from '../../../src/host/terminal/fileWrites';
import { ShellIntegrationNotice } from '../../../src/host/terminal/shellIntegrationNotice';
import { TerminalCommands } from '../../../src/host/terminal/terminalCommands';
import { fakeDashboardDeps, FakeCounts } from './sources';

const HOST = join(__dirname, '..', '..', '..', '..', 'src', 'host');

/** Every class in src/host that extends our Disposable base, or a class of ours that does. */
function disposableHostClasses(dir = HOST): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return disposableHostClasses(path);
    }
    return [...readFileSync(path, 'utf8').matchAll(/export class (\w+) extends (?:Disposable|CommandInterceptor)\b/g)].map((match) => match[1]);
  });
}

type Built = { dispose(): void };

/** How to build each one with the fake API, used the way the extension uses it, before it is disposed. */
const BUILDERS: Record<string, (vscode: FakeVscode, time: FakeTime) => Built | Promise<Built>> = {
  OwnershipStatusBar: (vscode, time) => new OwnershipStatusBar(new FakeCounts(vscode), time, time),
  Dashboard: (vscode, time) => {
    const counts = new FakeCounts(vscode);
    const dashboard = new Dashboard(fakeDashboardDeps(vscode, time, counts), OnDemand.of(DashboardPanel));
    void dashboard.open();
    vscode.panels[0].receive({ type: 'ready' });
    counts.set({ typed: 1 });
    return dashboard;
  },
  DashboardPanel: (vscode, time) => BUILDERS.Dashboard(vscode, time),
  ReflectionReminder: (vscode, time) => {
    const context = fakeExtensionContext();
    return new ReflectionReminder({
      calendar: calendarOf(time, () => 0), state: context.globalState, reflections: new Reflections(context as never, calendarOf(time, () => 0), vscode.window.createOutputChannel() as never),
      hasActivityToday: () => true, reflect: () => undefined, log: vscode.window.createOutputChannel() as never, ready: Promise.resolve(),
    });
  },
  ChangeWatcher: (_vscode, time) => new ChangeWatcher({ clock: time, intents: new IntentLog(), exactSources: () => true, onAttribution: () => undefined, onReplace: () => undefined }),
  EditorIntents: (_vscode, time) => new EditorIntents(new IntentLog(), time),
  PasteObserver: (_vscode, time) => new PasteObserver(new IntentLog(), time),
  AcceptCommandInterceptor: (vscode, time) => {
    const interceptor = new AcceptCommandInterceptor(new IntentLog(), time, vscode.window.createOutputChannel() as never);
    interceptor.setEnabled(true);
    return interceptor;
  },
  ToolCommandInterceptor: (vscode, time) => {
    const interceptor = new ToolCommandInterceptor(new IntentLog(), time, vscode.window.createOutputChannel() as never);
    interceptor.setEnabled(true);
    return interceptor;
  },
  CommandInterceptor: (vscode, time) => {
    const interceptor = new CommandInterceptor([{ command: 'some.command', kind: 'toolCommand', scope: 'anyDocument' }], new IntentLog(), time, vscode.window.createOutputChannel() as never);
    interceptor.setEnabled(true);
    return interceptor;
  },
  DiskChangeObserver: (_vscode, time) => new DiskChangeObserver(new IntentLog(), time),
  ShellIntegrationNotice: (vscode, time) => {
    const notice = new ShellIntegrationNotice(time);
    vscode.onDidOpenTerminal.fire({ shellIntegration: undefined });
    return notice;
  },
  TerminalCommands: (_vscode, time) => new TerminalCommands({ runs: new TerminalRuns(time), agentSetting: () => [] }),
  TerminalFileWrites: (vscode, time) => {
    const writes = new TerminalFileWrites({ runs: new TerminalRuns(time), clock: time, log: vscode.window.createOutputChannel() as never, onAttribution: () => undefined, scheduler: time });
    writes.runEnded({ kind: 'agent', name: 'claude', start: time.now(), end: time.now() });
    return writes;
  },
  EditContext: () => new EditContext({ aiExtensions: () => [], toolExtensions: () => [] }),
  FateWatcher: (_vscode, time) => new FateWatcher({ clock: time, sink: { recordFate: () => undefined, noteLead: () => undefined, settleLeads: () => undefined } }),
  ProjectCopy: (vscode, time) => {
    const counts = new FakeCounts(vscode);
    const folder = new ProjectsFolder(FakeUri.file('/storage/global') as never, 'here', { put: async () => undefined }, time, { warn: () => undefined }, { failed: () => undefined });
    const store = { days: () => [], sessionsOf: () => [], dayRange: () => undefined };
    const copy = new ProjectCopy(folder, { onDidChange: counts.onDidChange, store, whenLoaded: () => Promise.resolve() }, () => 'here', () => time.now(), time);
    counts.set({ typed: 1 });
    return copy;
  },
  WorkspaceHistory: async (vscode, time) => {
    const history = new WorkspaceHistory(fakeExtensionContext() as never, calendarOf(time, () => 0), vscode.window.createOutputChannel() as never);
    await history.whenLoaded();
    return history;
  },
};

describe('Host: no listener left after dispose', function () {
  it('covers every disposable class in src/host', function () {
    assert.deepEqual(disposableHostClasses().sort(), Object.keys(BUILDERS).sort(), 'add a builder for each new class');
  });

  for (const name of Object.keys(BUILDERS)) {
    it(`${name} unsubscribes everything and disposes what it created`, async function () {
      const vscode = installFakeVscode();
      const time = new FakeTime(Date.parse('2026-03-10T10:00:00Z'));
      const built = await BUILDERS[name](vscode, time);
      assert.ok(vscode.liveListeners() + vscode.liveResources().length > 0, 'it subscribed to something');
      built.dispose();
      assert.equal(vscode.liveListeners(), 0, 'listeners left');
      assert.deepEqual(vscode.liveResources(), [], 'resources left');
    });
  }
});
