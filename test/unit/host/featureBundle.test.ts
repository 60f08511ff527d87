import * as assert from 'node:assert/strict';
import { Dashboard } from '../../../src/host/dashboard';
import { DashboardPanel } from '../../../src/host/dashboardPanel';
import { DASHBOARD_VIEW_TYPE } from '../../../src/host/dashboardView';
import { OnDemand } from '../../../src/host/featureBundle';
import { installFakeVscode, type FakeVscode } from '../../support/fakeVscode';
import { FakeTime } from '../history/fakes';
import { fakeDashboardDeps, FakeCounts } from './sources';

/** A load that waits until the test lets it finish (or fail). */
function heldLoad<T>(): { load: () => Promise<T>; calls: () => number; finish: (value: T) => void; fail: (error: Error) => void } {
  let calls = 0;
  let finish: (value: T) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  return {
    load: () => {
      calls++;
      return new Promise<T>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      });
    },
    calls: () => calls,
    finish: (value) => finish(value),
    fail: (error) => fail(error),
  };
}

describe('Host: code loaded on first use (OnDemand)', function () {
  it('loads once for every use, waiting ones included, and then answers at once', async function () {
    const held = heldLoad<string>();
    const onDemand = new OnDemand(held.load);
    const first = onDemand.get();
    const second = onDemand.get();
    assert.equal(onDemand.now, undefined);
    held.finish('loaded');
    assert.deepEqual(await Promise.all([first, second]), ['loaded', 'loaded']);
    assert.equal(onDemand.now, 'loaded');
    assert.equal(await onDemand.get(), 'loaded');
    assert.equal(held.calls(), 1);
  });

  it('says when a load failed, and tries again on the next use', async function () {
    const held = heldLoad<string>();
    const failures: unknown[] = [];
    const onDemand = new OnDemand(held.load, (error) => failures.push(error));
    const first = onDemand.get();
    held.fail(new Error('no such file'));
    await assert.rejects(first, /no such file/);
    assert.equal(failures.length, 1);
    const second = onDemand.get();
    held.finish('loaded');
    assert.equal(await second, 'loaded');
    assert.equal(held.calls(), 2);
  });
});

describe('Host: the dashboard while its panel\'s code loads', function () {
  let vscode: FakeVscode;
  let held: ReturnType<typeof heldLoad<typeof DashboardPanel>>;
  let dashboard: Dashboard;

  beforeEach(function () {
    vscode = installFakeVscode();
    const time = new FakeTime(Date.parse('2026-03-10T10:00:00Z'));
    const counts = new FakeCounts(vscode, '2026-03-10');
    held = heldLoad<typeof DashboardPanel>();
    dashboard = new Dashboard(fakeDashboardDeps(vscode, time, counts), new OnDemand(held.load));
  });

  afterEach(function () {
    dashboard.dispose();
  });

  it('opens one panel for two opens made while loading, on the place the last one asked for', async function () {
    const first = dashboard.open();
    const second = dashboard.open('reflection');
    assert.equal(vscode.panels.length, 0, 'nothing before the code is there');
    held.finish(DashboardPanel);
    await Promise.all([first, second]);
    assert.equal(vscode.panels.length, 1);
    vscode.panels[0].receive({ type: 'ready' });
    assert.deepEqual(vscode.panels[0].webview.posted.at(-1), { type: 'focus', section: 'reflection' });
  });

  it('revives a restored panel once the code is loaded (after a reload)', async function () {
    const restoring = vscode.restorePanel(DASHBOARD_VIEW_TYPE);
    held.finish(DashboardPanel);
    const restored = await restoring;
    restored.receive({ type: 'ready' });
    assert.ok(restored.webview.posted.some((message) => (message as { type?: string }).type === 'init'), 'the revived panel answers the page');
    await dashboard.open();
    assert.equal(vscode.panels.length, 1, 'opening reveals the revived panel');
  });

  it('creates no panel when disposed before the code arrived', async function () {
    const opening = dashboard.open();
    dashboard.dispose();
    held.finish(DashboardPanel);
    await opening;
    assert.equal(vscode.panels.length, 0);
    assert.deepEqual(vscode.liveResources(), []);
  });
});
