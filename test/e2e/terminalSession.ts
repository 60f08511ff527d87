/**
 * A terminal-agent session in the real workbench, shared by the UI tests and the benchmark: a fake
 * agent CLI named `claude` on the terminal's PATH that writes open files, unopened files and a new
 * file in streamed writes, and a Git repository whose other branch rewrites ten files.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Snapshot } from '../../src/core/history/snapshot';
import { makeRunDir, removeRunDir, repoRoot } from '../harness/codeServer';
import { Workbench } from './workbench';

export type Chars = Snapshot['today']['chars'];

const FAKE_AGENT = join(repoRoot, 'test', 'fixtures', 'terminal', 'fake-agent-cli.js');

/** bash with the editor's shell integration (no arguments: it is injected only into a plain or login bash), the DOM renderer (the test reads the prompt). */
export const TERMINAL_SETTINGS = {
  'terminal.integrated.profiles.linux': { bash: { path: '/bin/bash' } },
  'terminal.integrated.defaultProfile.linux': 'bash',
  'terminal.integrated.gpuAcceleration': 'off',
  'terminal.integrated.enablePersistentSessions': false,
  'terminal.integrated.tabs.enabled': false,
};

export const ORIGINAL: Readonly<Record<string, string>> = {
  'open-a.ts': 'export const a = 1;\n',
  'open-b.ts': 'export const b = 2;\n',
  'closed-c.ts': 'export const c = 3;\n',
  'closed-d.ts': 'export const d = 4;\n',
  'closed-e.md': '# Notes\n',
};
export const CHECKOUT_FILES: readonly string[] = Array.from({ length: 10 }, (_, i) => `g${i}.ts`);
/** What the checkout inserts into each of the ten files (`'main'` becomes `'other'`, a line is added). */
export const CHECKOUT_INSERTED_PER_FILE = 'other'.length + '// Rewritten on the other branch.\n'.length;

export interface AgentWrite {
  readonly file: string;
  readonly content: string;
  readonly pauseMs: number;
}

/** What the agent appends to each file, in streamed steps; and how many characters that inserts. */
export function agentPlan(): { writes: AgentWrite[]; inserted: number } {
  const writes: AgentWrite[] = [];
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

export function diffChars(after: Chars, before: Chars): Chars {
  const result = { ...after };
  for (const key of Object.keys(result) as Array<keyof Chars>) {
    result[key] = after[key] - before[key];
  }
  return result;
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd, stdio: 'ignore' });
}

/** Installs the fake agent CLI (`claude`) with its plan in a folder of its own; returns the folder. */
export async function installFakeAgent(name: string, plan: { thinkMs: number; writes: readonly AgentWrite[] }): Promise<string> {
  const toolsDir = await makeRunDir(name);
  await mkdir(join(toolsDir, 'bin'), { recursive: true });
  await writeFile(join(toolsDir, 'plan.json'), JSON.stringify(plan));
  // The agent as a person installs it: an executable named `claude` in a folder on the PATH.
  await writeFile(join(toolsDir, 'bin', 'claude'), `#!/bin/sh\nOWNERSHIP_FAKE_AGENT_PLAN=${JSON.stringify(join(toolsDir, 'plan.json'))} exec node ${JSON.stringify(FAKE_AGENT)} "$@"\n`);
  await chmod(join(toolsDir, 'bin', 'claude'), 0o755);
  return toolsDir;
}

/** The terminal's settings with the fake agent's folder first on its PATH. */
export function terminalSettings(toolsDir: string): Record<string, unknown> {
  return { ...TERMINAL_SETTINGS, 'terminal.integrated.env.linux': { PATH: `${join(toolsDir, 'bin')}:\${env:PATH}` } };
}

export class TerminalSession {
  private constructor(readonly workbench: Workbench, private readonly toolsDir: string) {}

  /** Opens the workbench on the session's files, with the fake agent installed and the repository made. */
  static async open(name: string, settings: Record<string, unknown> = {}): Promise<TerminalSession> {
    const toolsDir = await installFakeAgent(`${name}-tools`, { thinkMs: 800, writes: agentPlan().writes });
    const files: Record<string, string> = { ...ORIGINAL };
    for (const file of CHECKOUT_FILES) {
      files[file] = `export const ${file.slice(0, 2)} = 'main';\n`;
    }
    const workbench = await Workbench.open({ name, files, settings: { ...settings, ...terminalSettings(toolsDir) } });
    const cwd = workbench.server.workspace;
    git(cwd, 'init', '-q', '-b', 'main');
    git(cwd, 'add', '-A');
    git(cwd, 'commit', '-q', '-m', 'start');
    git(cwd, 'checkout', '-q', '-b', 'other');
    for (const file of CHECKOUT_FILES) {
      await writeFile(join(cwd, file), `export const ${file.slice(0, 2)} = 'other';\n// Rewritten on the other branch.\n`);
    }
    git(cwd, 'commit', '-q', '-am', 'other');
    git(cwd, 'checkout', '-q', 'main');
    return new TerminalSession(workbench, toolsDir);
  }

  async chars(): Promise<Chars> {
    return (await this.workbench.snapshot()).today.chars;
  }

  /** A new integrated terminal, once its prompt shows (bash ready for a command). */
  async openTerminal(): Promise<void> {
    await this.workbench.runCommand('Terminal: Create New Terminal');
    await this.terminalRows().filter({ hasText: /[$#]/ }).first().waitFor({ timeout: 30_000 });
  }

  /** Types a command into the terminal like a person, Enter included, and waits for `output` to show. */
  async run(command: string, output: string): Promise<void> {
    await this.workbench.page.locator('.terminal-wrapper.active .xterm').first().click();
    await this.workbench.page.keyboard.type(command);
    await this.workbench.page.keyboard.press('Enter');
    await this.terminalRows().filter({ hasText: output }).first().waitFor({ timeout: 30_000 });
  }

  /** Runs the agent (the marker is in its output only, not in the command line). */
  runAgent(): Promise<void> {
    return this.run('claude --print "add the helpers"', 'fake agent: done');
  }

  /** Checks out the other branch (the marker is computed by the shell: only the output shows it). */
  checkOutOtherBranch(): Promise<void> {
    return this.run('git checkout -q other && echo switched-$((40 + 2))', 'switched-42');
  }

  private terminalRows() {
    return this.workbench.page.locator('.terminal-wrapper.active .xterm-rows');
  }

  async close(failed = false): Promise<void> {
    await this.workbench.close(failed);
    await removeRunDir(this.toolsDir);
  }
}
