/**
 * How the step runner performs each kind of generated step in the real workbench: through the
 * keyboard, the palette, the chat view, the disk, git, and (for the fake extensions, whose commands
 * take arguments) a queued command the recorder runs from the palette.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { delay, type Workbench } from '../e2e/workbench';
import { goTo, keepChatEdits, paste, press, suggestAndPick, type } from './actions';
import type { PlanStep } from './generator';
import { rewrittenOnDisk } from './texts';

/** Runs a command with an argument in the extension host (see the recorder's queued command). */
export type RunQueued = (id: string, args: unknown) => Promise<unknown>;

export interface StepContext {
  readonly workbench: Workbench;
  readonly runQueued: RunQueued;
  index: number;
  /** The file the active editor shows. */
  current: string | undefined;
}

export async function show(context: StepContext, file: string): Promise<void> {
  if (context.current !== file) {
    // A key lost while the focus moves (after the palette, the chat) leaves Quick Open closed: try again.
    await context.workbench.openFile(file).catch(async () => {
      await press(context.workbench, 'Escape', 'Escape');
      await context.workbench.openFile(file);
    });
    context.current = file;
  }
}

/**
 * Pastes go through the paste providers first (asynchronously): a key pressed before the paste
 * lands cancels it, so wait until the editor shows a change.
 */
async function pasteAndWait(workbench: Workbench, keys: readonly string[], text?: string): Promise<void> {
  const before = await workbench.editorText();
  await press(workbench, ...keys);
  if (text !== undefined) {
    await paste(workbench, text);
  }
  await editorChanges(workbench, before);
}

async function typeLines(workbench: Workbench, text: string): Promise<void> {
  await press(workbench, 'Control+End', 'Enter');
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (index > 0) {
      await press(workbench, 'Enter');
    }
    await type(workbench, line);
  }
}

/** Retries `attempt` until it returns true (the language server may still be starting). */
async function retry(times: number, attempt: () => Promise<boolean>, what: string): Promise<void> {
  for (let round = 0; round < times; round++) {
    if (await attempt()) {
      return;
    }
  }
  throw new Error(`gave up: ${what}`);
}

async function editorChanges(workbench: Workbench, before: string, timeoutMs = 3_000): Promise<boolean> {
  const after = await workbench.waitFor(() => workbench.editorText(), (text) => text !== before, timeoutMs);
  return after !== before;
}

async function ghost(context: StepContext, step: PlanStep): Promise<void> {
  const { workbench } = context;
  const accept = step.ghost?.accept ?? 'tab';
  await typeLines(workbench, `// ${step.ghost?.trigger ?? 'ai:sum'}`);
  await workbench.waitForGhostText();
  const before = await workbench.editorText();
  if (accept === 'words') {
    for (let word = 0; word < 3; word++) {
      const current = await workbench.editorText();
      await press(workbench, 'Control+ArrowRight');
      await editorChanges(workbench, current, 2_000);
      await delay(200);
    }
    await press(workbench, 'Escape');
  } else if (accept === 'line-then-tab') {
    await press(workbench, 'Control+Alt+L');
    await editorChanges(workbench, before);
    await workbench.waitForGhostText();
    await press(workbench, 'Tab');
  } else {
    await press(workbench, 'Tab');
  }
  await editorChanges(workbench, before);
}

async function chat(context: StepContext, step: PlanStep): Promise<void> {
  const { workbench } = context;
  await workbench.runCommand(step.chat === 'rename' ? 'Fake Chat: Ask to Rename in This File' : 'Fake Chat: Ask to Add a Helper to This File');
  await keepChatEdits(workbench);
  if (step.closeChat) {
    await context.runQueued('workbench.action.closeAuxiliaryBar', undefined);
  }
  context.current = undefined;
  await show(context, step.file);
}

async function format(context: StepContext): Promise<void> {
  const { workbench } = context;
  await retry(10, async () => {
    await workbench.runCommand('Format Document');
    const text = await workbench.waitFor(() => workbench.editorText(), (value) => value.includes('function scale(value: number) {'), 2_000);
    return text.includes('function scale(value: number) {');
  }, 'Format Document');
}

async function rename(context: StepContext): Promise<void> {
  const { workbench } = context;
  await retry(8, async () => {
    await goTo(workbench, 1, 12);
    await press(workbench, 'F2');
    const box = workbench.page.locator('.rename-box input');
    if (!(await box.waitFor({ timeout: 3_000 }).then(() => true, () => false))) {
      await press(workbench, 'Escape');
      await delay(1_000);
      return false;
    }
    await box.fill('scaleBy');
    await press(workbench, 'Enter');
    const text = await workbench.waitFor(() => workbench.editorText(), (value) => value.includes('scaleBy(2)'), 5_000);
    return text.includes('scaleBy(2)');
  }, 'Rename Symbol');
}

async function quickFix(context: StepContext): Promise<void> {
  const { workbench } = context;
  await retry(10, async () => {
    await goTo(workbench, 3, 25);
    await press(workbench, 'Control+.');
    const fix = workbench.page.locator('.action-widget .monaco-list-row', { hasText: /(Add|Update) import from/ }).first();
    if (!(await fix.waitFor({ timeout: 3_000 }).then(() => true, () => false))) {
      await press(workbench, 'Escape');
      await delay(1_000);
      return false;
    }
    await fix.click();
    const imported = /import \{ (clamp, ratio|ratio, clamp) \}/;
    return imported.test(await workbench.waitFor(() => workbench.editorText(), (value) => imported.test(value), 5_000));
  }, 'quick fix');
}

async function waitClean(workbench: Workbench): Promise<void> {
  await workbench.waitFor(() => workbench.page.locator('.tab.active.dirty').count(), (count) => count === 0, 5_000);
}

/** Another program rewrites the file (it is open and clean in the editor). */
async function rewriteOnDisk(context: StepContext, file: string): Promise<void> {
  const path = join(context.workbench.server.workspace, file);
  const stamp = context.index;
  await writeFile(path, rewrittenOnDisk(await readFile(path, 'utf8'), stamp));
  await context.workbench.waitForEditorText(`Rewritten by another program (${stamp})`);
}

async function saveThenDisk(context: StepContext, step: PlanStep): Promise<void> {
  const { workbench } = context;
  await typeLines(workbench, step.text ?? 'let saved = true;');
  await press(workbench, 'Control+S');
  await waitClean(workbench);
  await rewriteOnDisk(context, step.file);
}

function gitCheckout(context: StepContext, step: PlanStep): Promise<void> {
  const workspace = context.workbench.server.workspace;
  execFileSync('git', ['checkout', '-q', 'feature', '--', ...(step.files ?? [])], { cwd: workspace });
  return context.workbench.waitForEditorText('"feature"');
}

async function cutPaste(workbench: Workbench): Promise<void> {
  const before = await workbench.editorText();
  await press(workbench, 'Control+End', 'ArrowUp', 'Control+X');
  await editorChanges(workbench, before);
  await pasteAndWait(workbench, ['Control+End', 'Enter', 'Control+V']);
}

async function undoRedo(context: StepContext): Promise<void> {
  const { workbench, index } = context;
  for (let undo = 0; undo <= index % 2; undo++) {
    await press(workbench, 'Control+Z');
    await delay(150);
  }
  if (index % 3 === 0) {
    await press(workbench, 'Control+Shift+Z');
  }
}

async function snippet(workbench: Workbench): Promise<void> {
  await press(workbench, 'Control+End', 'Enter', 'F1');
  const input = workbench.page.locator('.quick-input-widget .quick-input-box input');
  await input.fill('>Snippets: Insert Snippet');
  await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Snippets: Insert Snippet' }).first().click();
  await workbench.page.locator('.quick-input-widget .quick-input-box input[placeholder="Select a snippet"]').waitFor();
  await input.fill('For Loop');
  await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'For Loop' }).first().click();
  await input.waitFor({ state: 'hidden' });
  await workbench.waitForEditorText('for (let index = 0');
  await type(workbench, 'i');
  await press(workbench, 'Escape');
}

async function intellisense(context: StepContext): Promise<void> {
  const { workbench, index } = context;
  await typeLines(workbench, `const biggest${index} = Math.ma`);
  await suggestAndPick(workbench, /^max/);
  await workbench.waitForEditorText('Math.max');
  await type(workbench, '(1, 2);');
}

/** Performs one step; the caller has shown its file. */
export async function perform(context: StepContext, step: PlanStep): Promise<void> {
  const { workbench } = context;
  switch (step.kind) {
    case 'type': return typeLines(workbench, step.text ?? '');
    case 'deleteWord':
      await press(workbench, 'Control+End', 'Control+Backspace', 'Control+Backspace');
      return type(workbench, 'ok');
    case 'ghost': return ghost(context, step);
    case 'intellisense': return intellisense(context);
    case 'snippet': return snippet(workbench);
    case 'paste': return pasteAndWait(workbench, ['Control+End', 'Enter'], step.text ?? '');
    case 'cutPaste': return cutPaste(workbench);
    case 'copyPaste':
      await press(workbench, 'Control+Home', 'Control+C');
      return pasteAndWait(workbench, ['Control+End', 'Control+V']);
    case 'undoRedo': return undoRedo(context);
    case 'multiCursor':
      await press(workbench, 'Control+End', 'Enter', 'Shift+Alt+ArrowUp', 'Shift+Alt+ArrowUp');
      await type(workbench, '// ');
      return press(workbench, 'Escape', 'Control+End');
    case 'chat': return chat(context, step);
    case 'nextEdit':
      await press(workbench, 'Control+End');
      await type(workbench, '// ai:nes');
      await workbench.acceptNextEdit(1);
      return workbench.waitForEditorText('let total = 0;');
    case 'format': return format(context);
    case 'rename': return rename(context);
    case 'quickFix': return quickFix(context);
    case 'agent':
    case 'tool':
      await context.runQueued(step.command?.id ?? '', step.command?.args ?? {});
      return;
    case 'diskChange': return rewriteOnDisk(context, step.file);
    case 'saveThenDisk': return saveThenDisk(context, step);
    case 'gitCheckout': return gitCheckout(context, step);
    case 'save':
      await press(workbench, 'Control+S');
      return waitClean(workbench);
    case 'switchFile': return;
  }
}
