import * as assert from 'node:assert/strict';
import type { Totals } from '../../../src/core/tally';
import { OwnershipStatusBar } from '../../../src/host/statusBar';
import { installFakeVscode, type FakeStatusBarItem, type FakeVscode, type MarkdownString } from '../../support/fakeVscode';
import { FakeTime } from '../history/fakes';
import { FakeCounts, totals } from './sources';

describe('Host: the status bar item', function () {
  let vscode: FakeVscode;
  let time: FakeTime;
  let counts: FakeCounts;
  let statusBar: OwnershipStatusBar;
  const item = (): FakeStatusBarItem => vscode.statusBarItems[0];

  beforeEach(async function () {
    vscode = installFakeVscode();
    time = new FakeTime(Date.parse('2026-03-10T10:00:00Z'));
    counts = new FakeCounts(vscode);
    statusBar = new OwnershipStatusBar(counts, time, time);
    await time.advance(0);
  });

  afterEach(function () {
    statusBar.dispose();
  });

  it('has its id, name and command, and shows "No edits yet" before anything is counted', function () {
    assert.equal(item().id, 'ownershipRatio.status');
    assert.equal(item().name, 'Ownership Ratio');
    assert.equal(item().command, 'ownershipRatio.openDashboard');
    assert.equal(item().text, '$(person) No edits yet');
    assert.equal(item().shown, true);
  });

  it('shows today\'s share yours, with the breakdown and the estimated part in the tooltip', async function () {
    counts.set({ typed: 300, aiInline: 80, aiChat: 20, paste: 50 });
    await time.advance(250);
    assert.equal(item().text, '$(person) 75% yours');
    const tooltip = (item().tooltip as MarkdownString).value;
    assert.match(tooltip, /\| Typed \(yours\) \| 300 \|/);
    assert.match(tooltip, /\| Pasted \| 50 \|/);
    assert.match(tooltip, /0 of 100 AI-assisted characters are estimated/);
    assert.match(tooltip, /command:ownershipRatio\.openDashboard/);
    assert.deepEqual(item().accessibilityInformation, { label: 'Ownership Ratio: 75 percent of the characters counted for today are yours' });
    assert.deepEqual(statusBar.state, { text: item().text, tooltip, visible: true });
  });

  it('says in the tooltip that counting continues in memory while the counts cannot be saved, and not once they can', async function () {
    counts.set({ typed: 300 });
    await time.advance(250);
    assert.doesNotMatch((item().tooltip as MarkdownString).value, /counting continues in memory/);
    counts.countsOnlyInMemory = true;
    counts.changes.fire();
    await time.advance(250);
    assert.match((item().tooltip as MarkdownString).value, /\n\$\(warning\) Your counts cannot be saved right now: counting continues in memory, and the log says why\.\n/);
    counts.countsOnlyInMemory = false;
    counts.changes.fire();
    await time.advance(250);
    assert.doesNotMatch((item().tooltip as MarkdownString).value, /counting continues in memory/);
  });

  it('says in one line where the AI chat and agent work came from, only when there is some', async function () {
    counts.set({ typed: 300, aiInline: 80 });
    await time.advance(250);
    assert.doesNotMatch((item().tooltip as MarkdownString).value, /AI chat and agents:/);
    counts.today = { ...totals({ typed: 300, aiChat: 1460 }), aiChatBy: { chat: 120, extension: 40, terminal: 1300 } };
    counts.changes.fire();
    await time.advance(250);
    const tooltip = (item().tooltip as MarkdownString).value;
    assert.match(tooltip, /\nAI chat and agents: 120 in chat, 40 by extensions, 1,300 by terminal agents\n/);
    assert.doesNotMatch(tooltip, /not split/);
  });

  it('says in one line what became of today\'s AI text, only once some is settled', async function () {
    counts.set({ typed: 300, aiInline: 100 });
    await time.advance(250);
    assert.doesNotMatch((item().tooltip as MarkdownString).value, /AI text today/);
    counts.today = { ...totals({ typed: 300, aiInline: 100 }), aiFate: { kept: 0, reworked: 0, removed: 0, pending: 100 } } as Totals;
    counts.changes.fire();
    await time.advance(250);
    assert.doesNotMatch((item().tooltip as MarkdownString).value, /AI text today/, 'nothing settled yet');
    counts.today = { ...totals({ typed: 300, aiInline: 100 }), aiFate: { kept: 62, reworked: 25, removed: 13, pending: 0 } } as Totals;
    counts.changes.fire();
    await time.advance(250);
    assert.match((item().tooltip as MarkdownString).value, /\nAI text today: 62 % kept, 25 % reworked by you, 13 % removed\n/);
    counts.today = { ...totals({ typed: 300, aiInline: 3 }), aiFate: { kept: 1, reworked: 1, removed: 1, pending: 0 } } as Totals;
    counts.changes.fire();
    await time.advance(250);
    assert.match((item().tooltip as MarkdownString).value, /AI text today: 34 % kept, 33 % reworked by you, 33 % removed/, 'whole percentages adding up to 100');
  });

  it('says what was counted before the split is not split, and makes none up', async function () {
    counts.last7 = { ...totals({ typed: 10, aiChat: 500 }), aiChatBy: { chat: 0, extension: 0, terminal: 300 } };
    vscode.setSetting('ownershipRatio.statusBar.period', 'last7Days');
    const tooltip = (item().tooltip as MarkdownString).value;
    assert.match(tooltip, /AI chat and agents: 0 in chat, 0 by extensions, 300 by terminal agents; 200 counted earlier, not split/);
  });

  it('follows a burst of changes at most four times a second, ending with the last', async function () {
    const texts: string[] = [];
    for (let typed = 1; typed <= 100; typed++) {
      counts.set({ typed, aiInline: 100 });
      texts.push(item().text);
      await time.advance(10);
    }
    await time.advance(250);
    const distinct = new Set(texts);
    assert.ok(distinct.size <= 6, `${distinct.size} updates in one second`);
    assert.equal(item().text, '$(person) 50% yours', 'the last state is shown');
  });

  it('shows the period the settings choose, and hides when turned off', async function () {
    counts.last7 = totals({ typed: 10, aiChat: 30 });
    vscode.setSetting('ownershipRatio.statusBar.period', 'last7Days');
    assert.equal(item().text, '$(person) 25% yours');
    assert.match((item().tooltip as MarkdownString).value, /the last 7 days/);
    vscode.setSetting('ownershipRatio.statusBar.enabled', false);
    assert.equal(item().shown, false);
    assert.equal(statusBar.state.visible, false);
    vscode.setSetting('ownershipRatio.statusBar.enabled', true);
    assert.equal(item().shown, true);
  });

  it('takes the warning colour only outside a target band the user set', async function () {
    counts.set({ typed: 20, aiInline: 80 });
    await time.advance(250);
    assert.equal(item().backgroundColor, undefined, 'no colour by default');
    vscode.setSetting('ownershipRatio.statusBar.targetMinPercent', 50);
    assert.equal((item().backgroundColor as { id: string } | undefined)?.id, 'statusBarItem.warningBackground');
    vscode.setSetting('ownershipRatio.statusBar.targetMinPercent', 10);
    assert.equal(item().backgroundColor, undefined);
  });

  it('leaves no listener, timer or item behind when disposed', async function () {
    counts.set({ typed: 1 });
    counts.set({ typed: 2 });
    statusBar.dispose();
    assert.equal(vscode.liveListeners(), 0);
    assert.deepEqual(vscode.liveResources(), []);
    assert.equal(time.pendingTimers, 0);
    const text = item().text;
    counts.changes.fire();
    await time.advance(1_000);
    assert.equal(item().text, text, 'nothing renders after dispose');
  });
});
