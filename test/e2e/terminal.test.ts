import * as assert from 'node:assert/strict';
import { removeRunDir } from '../harness/codeServer';
import {
  CHECKOUT_FILES, CHECKOUT_INSERTED_PER_FILE, ORIGINAL, TerminalSession, agentPlan, diffChars, installFakeAgent, terminalSettings,
} from './terminalSession';
import { delay, Workbench } from './workbench';

for (const exactSources of [false, true]) {
  describe(`terminal agents in the real workbench (exact sources ${exactSources ? 'on' : 'off'})`, function () {
    let session: TerminalSession;
    let failed = false;

    before(async function () {
      this.timeout(180_000);
      session = await TerminalSession.open(`ui-terminal-${exactSources ? 'exact' : 'stable'}`, { 'ownershipRatio.detection.exactSources': exactSources });
    });

    afterEach(function () {
      failed ||= this.currentTest?.state === 'failed';
    });

    after(async function () {
      this.timeout(30_000);
      await session?.close(failed);
    });

    it('counts what an agent CLI run in the terminal writes (open files, unopened files, a new file) as AI-assisted', async function () {
      this.timeout(120_000);
      const expected = agentPlan().inserted;
      await session.workbench.openFile('open-a.ts');
      await session.workbench.openFile('open-b.ts');
      const start = (await session.workbench.snapshot()).today;
      const before = start.chars;
      await session.openTerminal();
      await session.runAgent();
      const first = diffChars(await session.workbench.waitFor(() => session.chars(), (chars) => diffChars(chars, before).aiChat >= 0.97 * expected, 30_000), before);
      // Everything the sweep after the run might add is in by now.
      await delay(5_000);
      const end = (await session.workbench.snapshot()).today;
      const final = diffChars(end.chars, before);
      assert.ok(final.aiChat >= 0.97 * expected && final.aiChat <= 1.02 * expected, `aiChat +${final.aiChat} of ${expected} written (first seen +${first.aiChat})`);
      assert.equal(end.aiChatBy.terminal - start.aiChatBy.terminal, final.aiChat, 'all of it by a terminal agent, in the snapshot\'s aiChatBy');
      assert.deepEqual([final.typed, final.paste, final.aiInline, final.external], [0, 0, 0, 0], JSON.stringify(final));
      const recent = (await session.workbench.snapshot()).recent.filter((each) => each.evidence.includes('terminal:claude'));
      assert.ok(recent.some((each) => each.evidence.includes('file:unopened')), 'an unopened file\'s write is in the recent attributions');
    });

    it('counts a git checkout run in the terminal as changed outside the editor, not AI', async function () {
      this.timeout(120_000);
      await session.workbench.openFile('g0.ts');
      const before = await session.chars();
      await session.checkOutOtherBranch();
      const expected = CHECKOUT_INSERTED_PER_FILE * CHECKOUT_FILES.length;
      const first = diffChars(await session.workbench.waitFor(() => session.chars(), (chars) => diffChars(chars, before).external >= 0.9 * expected, 30_000), before);
      await delay(5_000);
      const final = diffChars(await session.chars(), before);
      assert.equal(final.aiChat, 0, JSON.stringify(final));
      assert.ok(final.external >= 0.9 * expected, `external +${final.external} of ${expected} (first seen +${first.external})`);
    });
  });
}

describe('a terminal without shell integration in the real workbench', function () {
  let workbench: Workbench;
  let toolsDir: string;
  let failed = false;
  const chunk = '\nexport const fromAgent = 42;\n';

  before(async function () {
    this.timeout(180_000);
    toolsDir = await installFakeAgent('ui-terminal-plain-tools', { thinkMs: 300, writes: [{ file: 'open-a.ts', content: ORIGINAL['open-a.ts'] + chunk, pauseMs: 100 }] });
    workbench = await Workbench.open({
      name: 'ui-terminal-plain',
      files: { 'open-a.ts': ORIGINAL['open-a.ts'] },
      settings: { ...terminalSettings(toolsDir), 'terminal.integrated.shellIntegration.enabled': false },
    });
  });

  afterEach(function () {
    failed ||= this.currentTest?.state === 'failed';
  });

  after(async function () {
    this.timeout(30_000);
    await workbench?.close(failed);
    if (toolsDir !== undefined) {
      await removeRunDir(toolsDir);
    }
  });

  it('falls back to counting the agent\'s rewrite of an open file as external, and the tooltip says why', async function () {
    this.timeout(120_000);
    await workbench.openFile('open-a.ts');
    const before = (await workbench.snapshot()).today.chars;
    await workbench.runCommand('Terminal: Create New Terminal');
    const rows = workbench.page.locator('.terminal-wrapper.active .xterm-rows');
    await rows.filter({ hasText: /[$#]/ }).first().waitFor({ timeout: 30_000 });
    await workbench.page.locator('.terminal-wrapper.active .xterm').first().click();
    await workbench.page.keyboard.type('claude --print "one more"');
    await workbench.page.keyboard.press('Enter');
    await rows.filter({ hasText: 'fake agent: done' }).first().waitFor({ timeout: 30_000 });
    const delta = diffChars(await workbench.waitFor(async () => (await workbench.snapshot()).today.chars, (chars) => diffChars(chars, before).external > 0, 20_000), before);
    assert.deepEqual([delta.aiChat, delta.external > 0], [0, true], JSON.stringify(delta));
    // The notice comes once the terminal has had its time to start shell integration.
    const hover = workbench.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'without shell integration' }).first();
    const shown = await workbench.waitFor(async () => {
      await workbench.page.mouse.move(0, 0);
      await workbench.statusBarItem().hover();
      return hover.waitFor({ timeout: 3_000 }).then(() => true, () => false);
    }, (visible) => visible, 30_000);
    assert.ok(shown, 'the tooltip tells why terminal agents are not seen');
  });
});
