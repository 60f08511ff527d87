import * as assert from 'node:assert/strict';
import { EditContext } from '../../../src/host/editContext';
import { ReflectionReminder, Reflections } from '../../../src/host/reflection';
import { fakeExtensionContext, installFakeVscode } from '../../support/fakeVscode';
import { FakeTime } from '../history/fakes';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/* What activation leaves for just after it: work that costs milliseconds and is not needed yet. */
describe('Host: work deferred out of activation', function () {
  it('reads the extension list after activation, or at the first question if it comes sooner', async function () {
    const vscode = installFakeVscode();
    let reads = 0;
    const installed = [{ id: 'GitHub.copilot', packageJSON: {} }];
    Object.defineProperty(vscode.extensions, 'all', { configurable: true, get: () => (reads++, installed) });
    const asked = new EditContext({ aiExtensions: () => ['github.copilot'], toolExtensions: () => [] });
    assert.equal(reads, 0, 'not while activating');
    assert.equal(asked.aiExtensionActive(), true);
    assert.equal(asked.aiExtensionActive(), true);
    assert.equal(reads, 1, 'once, then kept');
    asked.dispose();
    const waiting = new EditContext({ aiExtensions: () => ['github.copilot'], toolExtensions: () => [] });
    await tick();
    assert.equal(reads, 2, 'read just after activation');
    assert.equal(waiting.aiExtensionActive(), true);
    assert.equal(reads, 2);
    waiting.dispose();
  });

  it('makes the reflection reminder\'s first decision once the history is read, not before', async function () {
    const vscode = installFakeVscode();
    const time = new FakeTime(Date.parse('2026-03-10T10:00:00Z'));
    const context = fakeExtensionContext();
    const calendar = { ...time.calendar(), dayOf: () => '2026-03-10' } as never;
    const log = vscode.window.createOutputChannel() as never;
    let asked = 0;
    let loaded!: () => void;
    const reminder = new ReflectionReminder({
      calendar, state: context.globalState, reflections: new Reflections(context as never, calendar, log), log, reflect: () => undefined,
      hasActivityToday: () => (asked++, true),
      ready: new Promise<void>((resolve) => (loaded = resolve)),
    });
    await tick();
    assert.equal(asked, 0, 'today\'s activity is unknown while the history is read');
    loaded();
    await tick();
    assert.equal(asked, 1);
    reminder.dispose();
  });
});
