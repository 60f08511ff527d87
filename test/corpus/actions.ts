/** What a developer does in the workbench, shared by the scripted and the generated sessions. */
import { delay, type Workbench } from '../e2e/workbench';

export async function press(workbench: Workbench, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    await workbench.page.keyboard.press(key);
  }
}

/** Types like a person: a short pause between keys, so each key is its own edit event. */
export async function type(workbench: Workbench, text: string): Promise<void> {
  await workbench.page.keyboard.type(text, { delay: 15 });
}

/** Moves the cursor with Go to Line (`line:column`, one-based). */
export async function goTo(workbench: Workbench, line: number, column: number): Promise<void> {
  await press(workbench, 'Control+G');
  const input = workbench.page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await press(workbench, 'Enter');
  await input.waitFor({ state: 'hidden' });
}

export async function newLineAtEnd(workbench: Workbench): Promise<void> {
  await press(workbench, 'Control+End', 'Enter');
}

export async function suggestAndPick(workbench: Workbench, row: string | RegExp): Promise<void> {
  await press(workbench, 'Control+Space');
  const widget = workbench.page.locator('.editor-widget.suggest-widget');
  // The language server may answer late: ask again until the row is there.
  for (let attempt = 0; attempt < 8; attempt++) {
    const match = widget.locator('.monaco-list-row', { hasText: row }).first();
    if (await match.waitFor({ timeout: 4_000 }).then(() => true, () => false)) {
      await match.click();
      return;
    }
    await press(workbench, 'Escape', 'Control+Space');
  }
  throw new Error(`no suggestion ${String(row)}`);
}

/** Waits until the editor shows `text` exactly `count` times. */
export async function waitForCount(workbench: Workbench, text: string, count: number): Promise<void> {
  const shown = await workbench.waitFor(() => workbench.editorText(), (value) => value.split(text).length - 1 === count, 5_000);
  if (shown.split(text).length - 1 !== count) {
    throw new Error(`the editor does not show ${JSON.stringify(text)} ${count} times:\n${shown}`);
  }
}

export async function paste(workbench: Workbench, text: string): Promise<void> {
  await workbench.page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await press(workbench, 'Control+V');
}

/** Accepts (Keep) or reverts (Undo) every pending chat edit with the chat view's button. */
export async function keepChatEdits(workbench: Workbench, button: 'Keep' | 'Undo' = 'Keep'): Promise<void> {
  const keep = workbench.page.locator('.interactive-session .monaco-button', { hasText: new RegExp(`^${button}$`) }).first();
  await keep.waitFor({ timeout: 30_000 });
  await delay(300);
  await keep.click();
  if (button === 'Undo') {
    // "This will undo changes made in … Do you want to proceed?"
    await workbench.page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Yes$/ }).click();
  }
  await keep.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}
