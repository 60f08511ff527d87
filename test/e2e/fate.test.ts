import * as assert from 'node:assert/strict';
import type { Snapshot } from '../../src/core/history/snapshot';
import { Workbench } from './workbench';

/*
 * What became of AI text, typed and clicked as a user would in the real workbench: ghost text
 * accepted and kept, accepted and partly retyped, accepted and deleted, and a chat's edit reworked
 * by hand. The window runs with a horizon of a few seconds (set in the extension host's
 * environment), after which each insert's characters count once as kept, reworked or removed.
 */

const HORIZON_MS = 8_000;
/** What the fake provider adds after `// ai:sum`. */
const SUM_SUGGESTION = ' const sum = (a, b) => a + b;';
const CHAT_LINE = '  return Math.min(max, Math.max(min, value));';

type Fate = Snapshot['today']['aiFate'];
type Chars = Snapshot['today']['chars'];

describe('What became of AI text, in the real workbench', function () {
  let workbench: Workbench;
  let failed = false;

  before(async function () {
    this.timeout(180_000);
    workbench = await Workbench.open({
      name: 'ui-fate',
      files: { 'notes.js': '', 'chat.ts': 'export const value = 1;\n' },
      helperExtensions: ['fake-chat'],
      env: { OWNERSHIP_TEST_FATE_HORIZON_MS: String(HORIZON_MS) },
    });
  });

  afterEach(function () {
    failed ||= this.currentTest?.state === 'failed';
  });

  after(async function () {
    this.timeout(30_000);
    await workbench?.close(failed);
  });

  /**
   * Today's fate figures and AI characters before `act` (once nothing is pending: the earlier
   * inserts have settled) and how they changed once `act`'s AI text has settled too.
   */
  async function settled(act: () => Promise<void>): Promise<{ fate: Omit<Fate, 'pending'>; ai: number }> {
    const settledNow = (snapshot: Snapshot): boolean => snapshot.today.aiFate.pending === 0;
    const before = await workbench.waitFor(() => workbench.snapshot(), settledNow, 3 * HORIZON_MS);
    assert.ok(settledNow(before), `earlier AI text still pending: ${JSON.stringify(before.today.aiFate)}`);
    await act();
    const aiOf = (chars: Chars): number => chars.aiInline + chars.aiChat;
    const after = await workbench.waitFor(
      () => workbench.snapshot(),
      (snapshot) => settledNow(snapshot) && aiOf(snapshot.today.chars) > aiOf(before.today.chars),
      4 * HORIZON_MS,
    );
    const [b, a] = [before.today.aiFate, after.today.aiFate];
    assert.equal(a.pending, 0, `still pending after the horizon: ${JSON.stringify(a)}`);
    return { fate: { kept: a.kept - b.kept, reworked: a.reworked - b.reworked, removed: a.removed - b.removed }, ai: aiOf(after.today.chars) - aiOf(before.today.chars) };
  }

  async function acceptSum(): Promise<void> {
    await workbench.openFile('notes.js');
    const keyboard = workbench.page.keyboard;
    await keyboard.press('Control+End');
    await keyboard.press('Enter');
    await keyboard.type('// ai:sum');
    await workbench.waitForGhostText();
    const suggestWidget = await workbench.page.locator('.editor-widget.suggest-widget.visible').count();
    await keyboard.press('Tab');
    const lastLine = async (): Promise<string> => (await workbench.editorText()).split('\n').filter((line) => line.trim() !== '').at(-1) ?? '';
    const line = await workbench.waitFor(lastLine, (text) => text === `// ai:sum${SUM_SUGGESTION}`, 5_000);
    if (line !== `// ai:sum${SUM_SUGGESTION}`) {
      await workbench.screenshot('fate-not-accepted');
      throw new Error(`Tab did not accept the ghost text (suggest widget visible before: ${suggestWidget}): the line is ${JSON.stringify(line)}`);
    }
  }

  it('ghost text accepted with Tab and left alone: all of it kept', async function () {
    const { fate, ai } = await settled(acceptSum);
    assert.equal(ai, SUM_SUGGESTION.length);
    assert.deepEqual(fate, { kept: SUM_SUGGESTION.length, reworked: 0, removed: 0 });
    const hover = workbench.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'AI text today: 100 % kept, 0 % reworked by you, 0 % removed' }).first();
    const shown = await workbench.waitFor(async () => {
      await workbench.page.mouse.move(0, 0);
      await workbench.statusBarItem().hover();
      return hover.waitFor({ timeout: 3_000 }).then(() => true, () => false);
    }, (visible) => visible, 15_000);
    assert.ok(shown, 'the tooltip says what became of the AI text');
    await workbench.page.mouse.move(0, 0);
  });

  it('ghost text accepted, its end deleted and typed again key by key: those characters reworked', async function () {
    const { fate, ai } = await settled(async () => {
      await acceptSum();
      const keyboard = workbench.page.keyboard;
      for (let i = 0; i < 'a + b;'.length; i++) {
        await keyboard.press('Backspace');
      }
      await keyboard.type('b + a;');
      await workbench.waitForEditorText('const sum = (a, b) => b + a;');
    });
    assert.equal(ai, SUM_SUGGESTION.length);
    assert.deepEqual(fate, { kept: SUM_SUGGESTION.length - 6, reworked: 6, removed: 0 });
  });

  it('ghost text accepted and then deleted: all of it removed', async function () {
    const { fate, ai } = await settled(async () => {
      await acceptSum();
      await workbench.page.keyboard.press('Shift+Home');
      await workbench.page.keyboard.press('Backspace');
      const lines = (await workbench.editorText()).split('\n');
      assert.equal(lines.filter((line) => line.includes('const sum')).length, 2, `only the earlier two sums are left:\n${lines.join('\n')}`);
    });
    assert.equal(ai, SUM_SUGGESTION.length);
    assert.deepEqual(fate, { kept: 0, reworked: 0, removed: SUM_SUGGESTION.length });
  });

  it('a chat edit kept with Keep, then one word of it retyped by hand: that word reworked, the rest kept', async function () {
    const { fate, ai } = await settled(async () => {
      await workbench.openFile('chat.ts');
      await workbench.runCommand('Fake Chat: Ask to Add a Helper to This File');
      const keep = workbench.page.locator('.interactive-session .monaco-button', { hasText: /^Keep$/ }).first();
      await keep.waitFor({ timeout: 30_000 });
      await keep.click();
      await workbench.openFile('chat.ts');
      await workbench.waitForEditorText(CHAT_LINE);
      const keyboard = workbench.page.keyboard;
      await keyboard.press('Control+End');
      await keyboard.press('ArrowUp');
      await keyboard.press('ArrowUp');
      await keyboard.press('End');
      for (let i = 0; i < 'value));'.length; i++) {
        await keyboard.press('Backspace');
      }
      await keyboard.type('input));');
      await workbench.waitForEditorText('  return Math.min(max, Math.max(min, input));');
    });
    assert.ok(ai > CHAT_LINE.length, `the chat's answer counted as AI: ${ai}`);
    assert.deepEqual(fate, { kept: ai - 8, reworked: 8, removed: 0 });
  });
});
