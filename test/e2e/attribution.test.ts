import * as assert from 'node:assert/strict';
import type { Snapshot } from '../../src/core/history/snapshot';
import { delay, Workbench } from './workbench';

const SUM_SUGGESTION = ' const sum = (a, b) => a + b;';
/** What the fake provider adds after `// ai:line`, sent as a replacement of the whole line so far. */
const LINE_SUGGESTION = ' const product = (a, b) => a * b;';
const MESSY_JS = 'function   messy( a,b ){\nreturn a+b}\n';
/** The fake provider proposes renaming `count` on the first line once `// ai:nes` is typed. */
const NEXT_EDIT_JS = 'let count = 0;\nfunction bump() {\n  count += 1;\n}\n';

for (const exactSources of [false, true]) {
  describe(`Attribution in the real workbench (exact sources ${exactSources ? 'on' : 'off'})`, function () {
    let workbench: Workbench;
    let failed = false;

    before(async function () {
      this.timeout(180_000);
      workbench = await Workbench.open({
        name: `ui-attribution-${exactSources ? 'exact' : 'stable'}`,
        files: { 'notes.js': '', 'messy.js': MESSY_JS, 'nes.js': NEXT_EDIT_JS },
        settings: { 'ownershipRatio.detection.exactSources': exactSources },
      });
      await workbench.openFile('notes.js');
    });

    afterEach(function () {
      failed ||= this.currentTest?.state === 'failed';
    });

    after(async function () {
      this.timeout(30_000);
      await workbench?.close(failed);
    });

    /**
     * Runs `act` (setting up and acting in the editor) and returns how today's counts changed once
     * they satisfy `until`. The snapshot is read before: reading it uses the palette, which would
     * dismiss ghost text or a suggestion list that the act sets up.
     */
    async function change(act: () => Promise<void>, until: (delta: Snapshot['today']['chars']) => boolean): Promise<Snapshot['today']['chars']> {
      const before = (await workbench.snapshot()).today.chars;
      await act();
      const after = await workbench.waitFor(async () => (await workbench.snapshot()).today.chars, (chars) => until(diff(chars, before)));
      return diff(after, before);
    }

    async function newLine(file = 'notes.js'): Promise<void> {
      await workbench.openFile(file);
      await workbench.page.keyboard.press('Control+End');
      await workbench.page.keyboard.press('Enter');
    }

    it('counts typed text as typed', async function () {
      const delta = await change(() => workbench.page.keyboard.type('let a = 1;'), (d) => d.typed >= 10);
      assert.deepEqual(delta, { ...zero(), typed: 10 });
    });

    it('counts ghost text accepted with Tab as aiInline', async function () {
      const delta = await change(async () => {
        await newLine();
        await workbench.page.keyboard.type('// ai:sum');
        await workbench.waitForGhostText();
        await workbench.page.keyboard.press('Tab');
        await workbench.waitForEditorText(`// ai:sum${SUM_SUGGESTION}`);
      }, (d) => d.aiInline > 0);
      assert.deepEqual(delta, { ...zero(), typed: 1 + '// ai:sum'.length, aiInline: SUM_SUGGESTION.length });
    });

    it('counts ghost text accepted word by word (Ctrl+Right) as aiInline', async function () {
      const delta = await change(async () => {
        await newLine();
        await workbench.page.keyboard.type('// ai:greet ');
        await workbench.waitForGhostText();
        await workbench.page.keyboard.press('Control+ArrowRight');
        await workbench.waitForEditorText('// ai:greet function');
      }, (d) => d.aiInline > 0);
      assert.ok(delta.aiInline >= 'function'.length && delta.aiInline <= 'function '.length, `aiInline +${delta.aiInline}`);
      assert.equal(delta.typed, 1 + '// ai:greet '.length);
      await workbench.page.keyboard.press('Escape');
    });

    it('counts only the new part of a suggestion that replaces the line typed so far (as some providers send it)', async function () {
      const typed = '// ai:line';
      const delta = await change(async () => {
        await newLine();
        await workbench.page.keyboard.type(typed);
        await workbench.waitForGhostText();
        await workbench.page.keyboard.press('Tab');
        await workbench.waitForEditorText(`${typed}${LINE_SUGGESTION}`);
      }, (d) => d.aiInline > 0);
      assert.deepEqual(delta, { ...zero(), typed: 1 + typed.length, aiInline: LINE_SUGGESTION.length });
    });

    it('counts a next-edit suggestion accepted away from the cursor (Tab to jump, Tab to accept) as aiInline', async function () {
      const delta = await change(async () => {
        await newLine('nes.js');
        await workbench.page.keyboard.type('// ai:nes');
        await workbench.acceptNextEdit(1);
        await workbench.waitForEditorText('let total = 0;');
      }, (d) => d.aiInline > 0);
      assert.deepEqual(delta, { ...zero(), typed: 1 + '// ai:nes'.length, aiInline: 'total'.length });
    });

    it('counts Ctrl+V as paste', async function () {
      await workbench.page.evaluate(`navigator.clipboard.writeText('const pasted = "from elsewhere";')`);
      const delta = await change(async () => {
        await newLine();
        await workbench.page.keyboard.press('Control+V');
      }, (d) => d.paste > 0);
      assert.deepEqual(delta, { ...zero(), typed: 1, paste: 'const pasted = "from elsewhere";'.length });
    });

    it('counts undo as undoRedo', async function () {
      const delta = await change(async () => {
        await newLine();
        await workbench.page.keyboard.type('xyz');
        await workbench.page.keyboard.press('Backspace');
        await workbench.page.keyboard.press('Backspace');
        // Undo restores what the Backspaces deleted: inserted characters that are nobody's new work.
        await workbench.page.keyboard.press('Control+Z');
      }, (d) => d.undoRedo > 0);
      assert.deepEqual(delta, { ...zero(), typed: 4, undoRedo: 2 });
    });

    it('counts Format Document as tool', async function () {
      await workbench.openFile('messy.js');
      // The JavaScript formatter starts with the language server: retry until it has formatted.
      let delta = zero();
      for (let attempt = 0; attempt < 10 && delta.tool === 0; attempt++) {
        delta = await change(() => workbench.runCommand('Format Document'), (d) => d.tool > 0);
        if (delta.tool === 0) {
          await delay(1_000);
        }
      }
      assert.ok(delta.tool > 0, 'formatting was not counted as tool');
      assert.equal(delta.typed + delta.aiInline + delta.aiChat + delta.paste, 0);
    });

    it('counts an IntelliSense completion as tool', async function () {
      const delta = await change(async () => {
        await newLine();
        await workbench.page.keyboard.type('pas');
        await workbench.page.keyboard.press('Control+Space');
        await workbench.page.locator('.editor-widget.suggest-widget .monaco-list-row', { hasText: 'pasted' }).first().waitFor({ timeout: 15_000 });
        await workbench.page.keyboard.press('Enter');
        await workbench.waitForEditorText('\npasted');
      }, (d) => d.tool > 0);
      assert.equal(delta.typed, 1 + 'pas'.length);
      assert.equal(delta.aiInline + delta.aiChat + delta.paste, 0);
      // The completion replaces the typed prefix: 'ted' or the whole 'pasted', as the editor reports it.
      assert.ok(delta.tool >= 3 && delta.tool <= 'pasted'.length, `tool +${delta.tool}`);
    });
  });
}

function zero(): Snapshot['today']['chars'] {
  return { typed: 0, aiInline: 0, aiChat: 0, paste: 0, tool: 0, undoRedo: 0, external: 0 };
}

function diff(after: Snapshot['today']['chars'], before: Snapshot['today']['chars']): Snapshot['today']['chars'] {
  const result = zero();
  for (const key of Object.keys(result) as Array<keyof typeof result>) {
    result[key] = after[key] - before[key];
  }
  return result;
}
