/**
 * Activation times as VS Code itself measures them (loading the code and calling `activate()`),
 * read from its Running Extensions editor, the same way for every extension of the window.
 */
import type { Workbench } from '../test/e2e/workbench';

/** The activation time of each named extension (by display name) in this window, in ms. */
export async function activationTimes(workbench: Workbench, names: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  await workbench.runCommand('Developer: Show Running Extensions');
  const rows = workbench.page.locator('.runtime-extensions-editor .monaco-list-row');
  await rows.first().waitFor({ timeout: 30_000 });
  await rows.first().click();
  // The list draws only the rows in view: page through it until every name has been seen.
  for (let page = 0; page < 20 && names.some((name) => !found.has(name)); page++) {
    for (const text of await rows.allInnerTexts()) {
      const [name] = text.split('\n');
      const time = /Activation: ([\d.]+)\s*ms/.exec(text);
      if (names.includes(name) && time) {
        found.set(name, Number(time[1]));
      }
    }
    await workbench.page.keyboard.press('PageDown');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return found;
}
