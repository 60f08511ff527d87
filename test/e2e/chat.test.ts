import * as assert from 'node:assert/strict';
import type { Snapshot } from '../../src/core/history/snapshot';
import { Workbench } from './workbench';

/** What the fake model answers (test/fixtures/extensions/fake-chat), inserted by `@fakeai` with stream.textEdit. */
const CHAT_ANSWER = '\nexport function clamp(value: number, min: number, max: number): number {\n  return Math.min(max, Math.max(min, value));\n}\n';
/** What the fake agent (test/fixtures/extensions/fake-agent) applies with three workspace edits. */
const AGENT_CHUNKS = [
  '\n/** Parses a comma-separated list of numbers. */\nexport function parseList(text: string): number[] {\n',
  '  return text\n    .split(",")\n    .map((part) => Number(part.trim()))\n',
  '    .filter((value) => !Number.isNaN(value));\n}\n',
];

const TYPED = 'export const limit = value * 2;';

type Chars = Snapshot['today']['chars'];

for (const exactSources of [false, true]) {
  describe(`AI chat and agent edits in the real workbench (exact sources ${exactSources ? 'on' : 'off'})`, function () {
    let workbench: Workbench;
    let failed = false;

    before(async function () {
      this.timeout(180_000);
      workbench = await Workbench.open({
        name: `ui-chat-${exactSources ? 'exact' : 'stable'}`,
        files: {
          'chat.ts': 'export const value = 1;\n', 'agent.ts': '// Utilities written with the agent.\n',
          'format.json': '{"name":"demo","items":[1,2,3],"nested":{"a":true,"b":null}}\n',
        },
        settings: { 'ownershipRatio.detection.exactSources': exactSources },
        helperExtensions: ['fake-chat', 'fake-agent'],
      });
    });

    afterEach(function () {
      failed ||= this.currentTest?.state === 'failed';
    });

    after(async function () {
      this.timeout(30_000);
      await workbench?.close(failed);
    });

    /** Today's counts before and after `act`, once they satisfy `until` (read before acting: see attribution.test.ts). */
    async function change(act: () => Promise<void>, until: (delta: Chars) => boolean): Promise<Chars> {
      const before = (await workbench.snapshot()).today.chars;
      await act();
      const after = await workbench.waitFor(async () => (await workbench.snapshot()).today.chars, (chars) => until(diff(chars, before)), 20_000);
      return diff(after, before);
    }

    it('counts a chat participant\'s edit (stream.textEdit, kept with Keep) as aiChat', async function () {
      await workbench.openFile('chat.ts');
      const delta = await change(async () => {
        // A dirty file: the chat saves it before editing, and the file watcher reports that save.
        await workbench.page.keyboard.press('Control+End');
        await workbench.page.keyboard.type(TYPED);
        await workbench.runCommand('Fake Chat: Ask to Add a Helper to This File');
        const keep = workbench.page.locator('.interactive-session .monaco-button', { hasText: /^Keep$/ }).first();
        await keep.waitFor({ timeout: 30_000 });
        await keep.click();
      }, (d) => d.aiChat > 0);
      if (Math.abs(delta.aiChat - CHAT_ANSWER.length) > 1) {
        // Why each of the last edits was counted as it was (category, size, evidence), for the cause.
        const recent = (await workbench.snapshot()).recent.slice(-6).map((a) => `${a.category} ${a.chars}/${a.deleted} ${a.evidence.join(' ')}`);
        assert.fail(`aiChat +${delta.aiChat}, the answer has ${CHAT_ANSWER.length}: ${JSON.stringify(delta)}\n${recent.join('\n')}`);
      }
      assert.deepEqual({ ...delta, aiChat: 0 }, { ...zero(), typed: TYPED.length });
    });

    it('after the chat\'s edits were kept, Format Document is a tool\'s, not the chat\'s', async function () {
      // The chat's session still holds its copy of chat.ts; every edit is mirrored into it.
      await workbench.openFile('format.json');
      const before = (await workbench.snapshot()).today.chars;
      await change(() => workbench.runCommand('Format Document'), (d) => d.tool > 0);
      // The formatter's edits arrive at once; anything counted as the chat's would be there by now.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const delta = diff((await workbench.snapshot()).today.chars, before);
      assert.ok(delta.tool > 0, JSON.stringify(delta));
      assert.deepEqual({ ...delta, tool: 0 }, zero(), JSON.stringify(delta));
    });

    it('counts an AI agent extension\'s workspace edits (workspace.applyEdit) as aiChat', async function () {
      await workbench.openFile('agent.ts');
      const expected = AGENT_CHUNKS.join('').length;
      const delta = await change(() => workbench.runCommand('Fake Agent: Edit Active File'), (d) => d.aiChat >= expected);
      assert.deepEqual(delta, { ...zero(), aiChat: expected });
    });

    it('Explain Recent Attributions shows the agent\'s edits as one action, with its evidence', async function () {
      // Not runCommand: the command answers with a list in the same quick input, which stays open.
      const page = workbench.page;
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget .quick-input-box input').fill('>Ownership Ratio: Explain Recent Attributions');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Explain Recent Attributions' }).first().click();
      await page.locator('.quick-input-widget .quick-input-box input[placeholder^="Why each edit"]').waitFor({ timeout: 10_000 });
      const rows = page.locator('.quick-input-list .monaco-list-row');
      await rows.first().waitFor({ timeout: 10_000 });
      // Newest first: the agent's last piece, decided on the whole action (its reason, its events).
      const newest = (await rows.first().innerText()).replace(/\s+/g, ' ');
      await page.keyboard.press('Escape');
      assert.match(newest, /AI/, newest);
      assert.match(newest, /action:[a-zA-Z]+/, newest);
      const events = Number(/\bn=(\d+)/.exec(newest)?.[1] ?? 0);
      assert.ok(events >= 2, `one action of the agent's several edits: ${newest}`);
    });
  });
}

function zero(): Chars {
  return { typed: 0, aiInline: 0, aiChat: 0, paste: 0, tool: 0, undoRedo: 0, external: 0 };
}

function diff(after: Chars, before: Chars): Chars {
  const result = zero();
  for (const key of Object.keys(result) as Array<keyof Chars>) {
    result[key] = after[key] - before[key];
  }
  return result;
}
