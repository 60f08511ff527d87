import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Snapshot } from '../../src/core/history/snapshot';
import { makeRunDir, removeRunDir, repoRoot } from '../harness/codeServer';
import { delay, Workbench } from './workbench';

type Chars = Snapshot['today']['chars'];

const FAKE_AGENT = join(repoRoot, 'test', 'fixtures', 'terminal', 'fake-agent-cli.js');
/** bash with shell integration, the DOM renderer (the test reads the prompt), no GPU. */
const TERMINAL_SETTINGS = {
  // No arguments: the editor injects its shell integration only into a plain (or login) bash.
  'terminal.integrated.profiles.linux': { bash: { path: '/bin/bash' } },
  'terminal.integrated.defaultProfile.linux': 'bash',
  'terminal.integrated.gpuAcceleration': 'off',
  'terminal.integrated.enablePersistentSessions': false,
  'terminal.integrated.tabs.enabled': false,
};

const ORIGINAL: Record<string, string> = {
  'open-a.ts': 'export const a = 1;\n',
  'open-b.ts': 'export const b = 2;\n',
  'closed-c.ts': 'export const c = 3;\n',
  'closed-d.ts': 'export const d = 4;\n',
  'closed-e.md': '# Notes\n',
};
const CHECKOUT_FILES = Array.from({ length: 10 }, (_, i) => `g${i}.ts`);

/** What the agent appends to each file, in two streamed steps per file. */
function agentPlan(): { writes: Array<{ file: string; content: string; pauseMs: number }>; inserted: number } {
  const writes: Array<{ file: string; content: string; pauseMs: number }> = [];
  let inserted = 0;
  const append = (file: string, chunks: string[]) => {
    let content = ORIGINAL[file] ?? '';
    for (const chunk of chunks) {
      content += chunk;
      inserted += [...chunk].length;
      writes.push({ file, content, pauseMs: 200 });
    }
  };
  append('open-a.ts', ['\nexport function double(x: number): number {\n', '  return x * 2;\n}\n']);
  append('open-b.ts', ['\n/** Adds two numbers. */\nexport const add = (x: number, y: number) => x + y;\n', '\nexport const négatif = (x: number) => -x;\n']);
  append('closed-c.ts', ['\nexport function clamp(v: number, lo: number, hi: number) {\n', '  return Math.min(hi, Math.max(lo, v));\n}\n']);
  append('closed-d.ts', ['\nexport const ids = [1, 2, 3].map((id) => `item-${id}`);\n']);
  append('closed-e.md', ['\n- The agent wrote this list.\n', '- And this line — with Unicode ✓.\n']);
  append('src/new-file.ts', ['// Created by the agent.\n', 'export interface Point {\n  x: number;\n  y: number;\n}\n']);
  return { writes, inserted };
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd, stdio: 'ignore' });
}

function diff(after: Chars, before: Chars): Chars {
  const result = { ...after };
  for (const key of Object.keys(result) as Array<keyof Chars>) {
    result[key] = after[key] - before[key];
  }
  return result;
}

for (const exactSources of [false, true]) {
  describe(`terminal agents in the real workbench (exact sources ${exactSources ? 'on' : 'off'})`, function () {
    let workbench: Workbench;
    let toolsDir: string;
    let failed = false;

    before(async function () {
      this.timeout(180_000);
      toolsDir = await makeRunDir(`ui-terminal-tools-${exactSources ? 'exact' : 'stable'}`);
      await mkdir(join(toolsDir, 'bin'), { recursive: true });
      // The agent as a person installs it: an executable named `claude` on the PATH.
      await writeFile(join(toolsDir, 'bin', 'claude'), `#!/bin/sh\nOWNERSHIP_FAKE_AGENT_PLAN=${JSON.stringify(join(toolsDir, 'plan.json'))} exec node ${JSON.stringify(FAKE_AGENT)} "$@"\n`);
      await chmod(join(toolsDir, 'bin', 'claude'), 0o755);
      const plan = agentPlan();
      await writeFile(join(toolsDir, 'plan.json'), JSON.stringify({ thinkMs: 800, writes: plan.writes }));
      const files: Record<string, string> = { ...ORIGINAL };
      for (const name of CHECKOUT_FILES) {
        files[name] = `export const ${name.slice(0, 2)} = 'main';\n`;
      }
      workbench = await Workbench.open({
        name: `ui-terminal-${exactSources ? 'exact' : 'stable'}`,
        files,
        settings: {
          'ownershipRatio.detection.exactSources': exactSources, ...TERMINAL_SETTINGS,
          // Where a person's installed CLIs are: first on the terminal's PATH.
          'terminal.integrated.env.linux': { PATH: `${join(toolsDir, 'bin')}:\${env:PATH}` },
        },
      });
      // A repository with a branch that rewrites the ten files.
      const cwd = workbench.server.workspace;
      git(cwd, 'init', '-q', '-b', 'main');
      git(cwd, 'add', '-A');
      git(cwd, 'commit', '-q', '-m', 'start');
      git(cwd, 'checkout', '-q', '-b', 'other');
      for (const name of CHECKOUT_FILES) {
        await writeFile(join(cwd, name), `export const ${name.slice(0, 2)} = 'other';\n// Rewritten on the other branch.\n`);
      }
      git(cwd, 'commit', '-q', '-am', 'other');
      git(cwd, 'checkout', '-q', 'main');
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

    async function openTerminal(): Promise<void> {
      await workbench.runCommand('Terminal: Create New Terminal');
      // The prompt shows once bash (with the editor's shell integration) is ready for a command.
      await workbench.page.locator('.terminal-wrapper.active .xterm-rows').filter({ hasText: /[$#]/ }).first().waitFor({ timeout: 30_000 });
    }

    async function typeInTerminal(command: string): Promise<void> {
      await workbench.page.locator('.terminal-wrapper.active .xterm').first().click();
      await workbench.page.keyboard.type(command);
      await workbench.page.keyboard.press('Enter');
    }

    it('counts what an agent CLI run in the terminal writes (open files, unopened files, a new file) as AI-assisted', async function () {
      this.timeout(120_000);
      const expected = agentPlan().inserted;
      await workbench.openFile('open-a.ts');
      await workbench.openFile('open-b.ts');
      const before = (await workbench.snapshot()).today.chars;
      await openTerminal();
      await typeInTerminal('claude --print "add the helpers"');
      await workbench.page.locator('.terminal-wrapper.active .xterm-rows').filter({ hasText: 'fake agent: done' }).first().waitFor({ timeout: 30_000 });
      const delta = diff(await workbench.waitFor(async () => (await workbench.snapshot()).today.chars,
        (chars) => diff(chars, before).aiChat >= 0.97 * expected, 30_000), before);
      // Everything the sweep after the run might add is in by now.
      await delay(5_000);
      const final = diff((await workbench.snapshot()).today.chars, before);
      assert.ok(final.aiChat >= 0.97 * expected && final.aiChat <= 1.02 * expected, `aiChat +${final.aiChat} of ${expected} written (first seen +${delta.aiChat})`);
      assert.deepEqual([final.typed, final.paste, final.aiInline, final.external], [0, 0, 0, 0], JSON.stringify(final));
      const recent = (await workbench.snapshot()).recent.filter((each) => each.evidence.includes('terminal:claude'));
      assert.ok(recent.some((each) => each.evidence.includes('file:unopened')), 'an unopened file\'s write is in the recent attributions');
    });

    it('counts a git checkout run in the terminal as changed outside the editor, not AI', async function () {
      this.timeout(120_000);
      await workbench.openFile('g0.ts');
      const before = (await workbench.snapshot()).today.chars;
      // The marker is computed by the shell: only the command's output shows it, not the command line.
      await typeInTerminal('git checkout -q other && echo switched-$((40 + 2))');
      await workbench.page.locator('.terminal-wrapper.active .xterm-rows').filter({ hasText: 'switched-42' }).first().waitFor({ timeout: 30_000 });
      const perFile = "// Rewritten on the other branch.\n".length + "other".length - "main".length;
      const delta = diff(await workbench.waitFor(async () => (await workbench.snapshot()).today.chars,
        (chars) => diff(chars, before).external >= perFile * CHECKOUT_FILES.length * 0.9, 30_000), before);
      await delay(5_000);
      const final = diff((await workbench.snapshot()).today.chars, before);
      assert.equal(final.aiChat, 0, JSON.stringify(final));
      assert.ok(final.external >= perFile * CHECKOUT_FILES.length * 0.9, `external +${final.external} (first seen +${delta.external})`);
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
    toolsDir = await makeRunDir('ui-terminal-plain-tools');
    await mkdir(join(toolsDir, 'bin'), { recursive: true });
    await writeFile(join(toolsDir, 'plan.json'), JSON.stringify({ thinkMs: 300, writes: [{ file: 'open-a.ts', content: ORIGINAL['open-a.ts'] + chunk }] }));
    await writeFile(join(toolsDir, 'bin', 'claude'), `#!/bin/sh\nOWNERSHIP_FAKE_AGENT_PLAN=${JSON.stringify(join(toolsDir, 'plan.json'))} exec node ${JSON.stringify(FAKE_AGENT)} "$@"\n`);
    await chmod(join(toolsDir, 'bin', 'claude'), 0o755);
    workbench = await Workbench.open({
      name: 'ui-terminal-plain',
      files: { 'open-a.ts': ORIGINAL['open-a.ts'] },
      settings: {
        ...TERMINAL_SETTINGS,
        'terminal.integrated.shellIntegration.enabled': false,
        'terminal.integrated.env.linux': { PATH: `${join(toolsDir, 'bin')}:\${env:PATH}` },
      },
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
    await workbench.page.locator('.terminal-wrapper.active .xterm-rows').filter({ hasText: /[$#]/ }).first().waitFor({ timeout: 30_000 });
    await workbench.page.locator('.terminal-wrapper.active .xterm').first().click();
    await workbench.page.keyboard.type('claude --print "one more"');
    await workbench.page.keyboard.press('Enter');
    await workbench.page.locator('.terminal-wrapper.active .xterm-rows').filter({ hasText: 'fake agent: done' }).first().waitFor({ timeout: 30_000 });
    const delta = diff(await workbench.waitFor(async () => (await workbench.snapshot()).today.chars, (chars) => diff(chars, before).external > 0, 20_000), before);
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
