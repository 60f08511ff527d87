/**
 * The sessions the corpus is recorded from: a developer's realistic work in the real workbench,
 * driven through the keyboard, the palette, the chat view and the disk. Each session works in its
 * own file and checks that the editor ended up as a person would see it.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { delay, type Workbench } from '../e2e/workbench';
import { AI_EXTENSIONS } from '../../src/core/attribution/extensionLists';
import { goTo, keepChatEdits, newLineAtEnd, paste, press, suggestAndPick, type, waitForCount } from './actions';

export interface RecordingSession {
  /** The corpus file name (without `.jsonl`). */
  readonly name: string;
  readonly description: string;
  /** detailedReason sources the session must produce, or the recording is wrong. */
  readonly expectSources: readonly string[];
  run(workbench: Workbench): Promise<void>;
}

/** Files of the recording workspace: a small TypeScript project, so completions can auto-import. */
export const CORPUS_FILES: Readonly<Record<string, string>> = {
  'tsconfig.json': '{\n  "compilerOptions": { "strict": true, "target": "es2022", "module": "esnext", "moduleResolution": "bundler" },\n  "include": ["*.ts"]\n}\n',
  'math.ts': 'export function clamp(value: number, min: number, max: number): number {\n  return Math.min(max, Math.max(min, value));\n}\n\nexport const ratio = 0.5;\n',
  'typing.ts': '',
  'ghost.js': '',
  'main.ts': 'const start = 2;\n',
  'snippets.ts': 'const items = [1, 2, 3];\n',
  'paste.ts': 'const first = 1;\n',
  'refactor.ts': 'import { ratio } from "./math";\n\nfunction   scale( value:number ){\nreturn value*ratio}\n\nexport const total = scale(2);\n',
  'undo.ts': '',
  'multi.ts': 'let alpha = 1;\nlet beta = 2;\nlet gamma = 3;\n',
  'chat.ts': 'export const value = 1;\n',
  'agent.ts': '// Utilities written with the agent.\n',
  'agent-target.ts': 'export const agentVersion = 1;\n',
  'disk.ts': 'export const fromDisk = 1;\n',
  'mixed.ts': 'import { ratio } from "./math";\n',
  'nes.js': 'let count = 0;\nfunction bump() {\n  count += 1;\n}\n',
};

/**
 * Settings a developer has (auto-closing pairs, trim on save); our extension's own interceptor off.
 * The fake agent and chat extensions stand in for installed AI extensions, so they are on the AI
 * list beside the known ones: without them the recording would say no AI extension is installed.
 */
export const CORPUS_SETTINGS: Record<string, unknown> = {
  'ownershipRatio.detection.interceptAcceptCommands': false,
  'ownershipRatio.detection.observeToolCommands': false,
  'ownershipRatio.detection.aiExtensions': [...AI_EXTENSIONS, 'ownership-tests.fake-agent', 'ownership-tests.fake-chat'],
  'editor.autoClosingBrackets': 'languageDefined',
  'editor.autoClosingQuotes': 'languageDefined',
  'editor.autoClosingOvertype': 'auto',
  'editor.autoSurround': 'languageDefined',
  'files.trimTrailingWhitespace': true,
  'typescript.suggest.autoImports': true,
  'typescript.tsserver.experimental.enableProjectDiagnostics': false,
};

export const SESSIONS: readonly RecordingSession[] = [
  {
    name: 'typing',
    description: 'Typing a TypeScript function with auto-closed pairs, Enter with auto-indent, Tab, Backspace, Delete and Ctrl+Backspace.',
    expectSources: ['cursor'],
    async run(workbench) {
      await workbench.openFile('typing.ts');
      await type(workbench, 'function add(a: number, b: number) {');
      await press(workbench, 'Enter');
      await type(workbench, 'const label = "sum";');
      await press(workbench, 'Enter');
      await type(workbench, 'return a + b + label.lenght');
      await press(workbench, 'Backspace', 'Backspace', 'Backspace');
      await type(workbench, 'gth;');
      await press(workbench, 'Control+End', 'Enter');
      await type(workbench, 'const list = [1, 2, 3];');
      await press(workbench, 'Enter');
      await type(workbench, 'const temporary value');
      await press(workbench, 'Control+Backspace', 'Control+Backspace');
      await type(workbench, 'squares = list.map((n) => n * n);');
      await press(workbench, 'Enter', 'Tab');
      await type(workbench, '// indented note');
      await press(workbench, 'Home', 'Delete', 'Delete');
      await workbench.waitForEditorText('const squares = list.map((n) => n * n);');
    },
  },
  {
    name: 'ghost-text',
    description: 'Ghost text from a fake inline completion provider accepted with Tab, word by word (Ctrl+Right) and line by line.',
    expectSources: ['inlineCompletionAccept', 'inlineCompletionPartialAccept', 'cursor'],
    async run(workbench) {
      await workbench.openFile('ghost.js');
      await type(workbench, '// ai:sum');
      await workbench.waitForGhostText();
      await press(workbench, 'Tab');
      await workbench.waitForEditorText('// ai:sum const sum = (a, b) => a + b;');
      await press(workbench, 'End', 'Enter');
      await type(workbench, '// ai:greet ');
      await workbench.waitForGhostText();
      // Word by word (the space between words is a step of its own).
      for (let step = 0; step < 4 && !(await workbench.editorText()).includes('// ai:greet function greet'); step++) {
        const before = await workbench.editorText();
        await press(workbench, 'Control+ArrowRight');
        await workbench.waitFor(() => workbench.editorText(), (text) => text !== before, 2_000);
        await delay(300);
      }
      await workbench.waitForEditorText('// ai:greet function greet');
      await press(workbench, 'Escape', 'End', 'Enter');
      await type(workbench, '// ai:block');
      await workbench.waitForGhostText();
      // Accept Next Line, bound by the recorder (there is no default key).
      await press(workbench, 'Control+Alt+L');
      await workbench.waitForEditorText('// ai:block function area(width, height) {');
      await workbench.waitForGhostText();
      await press(workbench, 'Tab');
      await workbench.waitForEditorText('return result;');
      await press(workbench, 'Control+End', 'Enter');
      await type(workbench, 'console.log(area(2, 3));');
    },
  },
  {
    name: 'intellisense',
    description: 'IntelliSense in a TypeScript project: a completion that adds an import, a member completion, and a snippet item.',
    expectSources: ['suggest', 'unknown'],
    async run(workbench) {
      await workbench.openFile('main.ts');
      await newLineAtEnd(workbench);
      await type(workbench, 'const limited = cla');
      await suggestAndPick(workbench, /^clamp/);
      await workbench.waitForEditorText('import { clamp } from');
      await type(workbench, '(start, 0, 1);');
      await press(workbench, 'Enter');
      await type(workbench, 'const text = limited.toFi');
      await suggestAndPick(workbench, /^toFixed/);
      await workbench.waitForEditorText('limited.toFixed');
      await type(workbench, '(2);');
      await press(workbench, 'Enter');
      await type(workbench, 'const half = clamp(limited * rat');
      await suggestAndPick(workbench, /^ratio/);
      await workbench.waitForEditorText('import { clamp, ratio } from');
      await type(workbench, ', 0, 1);');
    },
  },
  {
    name: 'snippets',
    description: 'A snippet inserted with Insert Snippet, its placeholders filled in by typing (mirrored placeholders change together).',
    expectSources: ['snippet', 'cursor'],
    async run(workbench) {
      await workbench.openFile('snippets.ts');
      await newLineAtEnd(workbench);
      // Insert Snippet asks for the snippet in the same quick input, so not through runCommand.
      await press(workbench, 'F1');
      const input = workbench.page.locator('.quick-input-widget .quick-input-box input');
      await input.fill('>Snippets: Insert Snippet');
      await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Snippets: Insert Snippet' }).first().click();
      await workbench.page.locator('.quick-input-widget .quick-input-box input[placeholder="Select a snippet"]').waitFor();
      await input.fill('For Loop');
      await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'For Loop' }).first().click();
      await input.waitFor({ state: 'hidden' });
      await workbench.waitForEditorText('for (let index = 0');
      await type(workbench, 'i');
      await press(workbench, 'Tab');
      await type(workbench, 'items');
      await press(workbench, 'Tab');
      await type(workbench, 'item');
      await press(workbench, 'Tab');
      await type(workbench, 'console.log(item);');
      await workbench.waitForEditorText('const item = items[i];');
    },
  },
  {
    name: 'paste-cut',
    description: 'Ctrl+V of one line and of several lines, cut a line (Ctrl+X) and paste it elsewhere, copy a line and paste it.',
    expectSources: ['cursor'],
    async run(workbench) {
      await workbench.openFile('paste.ts');
      await newLineAtEnd(workbench);
      // The editor asks paste providers first (asynchronously): a key pressed before the paste lands cancels it.
      await paste(workbench, 'const pasted = "from elsewhere";');
      await workbench.waitForEditorText('const pasted = "from elsewhere";');
      await press(workbench, 'Enter');
      await type(workbench, 'const second = first + 1;');
      await press(workbench, 'Enter');
      await paste(workbench, 'function twice(n: number): number {\n  return n * 2;\n}\n');
      await workbench.waitForEditorText('return n * 2;');
      await goTo(workbench, 3, 1);
      await press(workbench, 'Control+X');
      await waitForCount(workbench, 'const pasted', 0);
      await press(workbench, 'Control+End', 'Control+V');
      await waitForCount(workbench, 'const pasted', 1);
      await goTo(workbench, 1, 1);
      await press(workbench, 'Control+C', 'Control+End', 'Control+V');
      await waitForCount(workbench, 'const first = 1;', 2);
      await type(workbench, 'export { twice };');
      await workbench.waitForEditorText('export { twice };');
    },
  },
  {
    name: 'refactor',
    description: 'Format Document, a quick fix that adds an import, Rename Symbol (F2) and Toggle Line Comment.',
    expectSources: ['codeAction', 'rename', 'unknown', 'cursor'],
    async run(workbench) {
      await workbench.openFile('refactor.ts');
      // The TypeScript formatter starts with the language server: retry until it has formatted.
      for (let attempt = 0; attempt < 15; attempt++) {
        await workbench.runCommand('Format Document');
        const formatted = await workbench.waitFor(() => workbench.editorText(), (text) => text.includes('function scale(value: number) {'), 2_000);
        if (formatted.includes('function scale(value: number) {')) {
          break;
        }
      }
      await workbench.waitForEditorText('function scale(value: number) {');
      await newLineAtEnd(workbench);
      await type(workbench, 'export const bounded = clamp(total, 0, 1);');
      // Into the name `clamp`: back over `(total, 0, 1);` and one more.
      await press(workbench, ...Array.from({ length: 15 }, () => 'ArrowLeft'));
      // The quick fix appears once the language server has reported the missing name.
      for (let attempt = 0; attempt < 10; attempt++) {
        await press(workbench, 'Control+.');
        const fix = workbench.page.locator('.action-widget .monaco-list-row', { hasText: /(Add|Update) import from/ }).first();
        if (await fix.waitFor({ timeout: 3_000 }).then(() => true, () => false)) {
          await fix.click();
          break;
        }
        await press(workbench, 'Escape');
        await delay(1_000);
      }
      await workbench.waitForEditorText('import { clamp, ratio } from');
      await goTo(workbench, 3, 12);
      await press(workbench, 'F2');
      const rename = workbench.page.locator('.rename-box input');
      await rename.waitFor();
      await rename.fill('scaleBy');
      await press(workbench, 'Enter');
      await workbench.waitForEditorText('export const total = scaleBy(2);');
      await press(workbench, 'Control+End', 'Control+/');
      await workbench.waitForEditorText('// export const bounded');
    },
  },
  {
    name: 'undo-redo',
    description: 'Typing, Backspace, then undo and redo of typing and deletions.',
    expectSources: ['cursor', 'applyEdits'],
    async run(workbench) {
      await workbench.openFile('undo.ts');
      await type(workbench, 'let count = 0;');
      await press(workbench, 'Enter');
      await type(workbench, 'count += 10;');
      await press(workbench, 'Backspace', 'Backspace', 'Backspace', 'Backspace');
      await press(workbench, 'Control+Z');
      await workbench.waitForEditorText('count += 10;');
      await press(workbench, 'Control+Z');
      await press(workbench, 'Control+Shift+Z');
      await press(workbench, 'Control+Y');
      await press(workbench, 'Control+End', 'Enter');
      await type(workbench, 'export { count };');
      await workbench.waitForEditorText('export { count };');
    },
  },
  {
    name: 'multi-cursor',
    description: 'Typing with three cursors (Add Cursor Below), and replacing three occurrences selected with Ctrl+D.',
    expectSources: ['cursor'],
    async run(workbench) {
      await workbench.openFile('multi.ts');
      await press(workbench, 'Control+Home', 'Shift+Alt+ArrowDown', 'Shift+Alt+ArrowDown', 'End');
      await type(workbench, ' // set');
      await press(workbench, 'Backspace', 'Backspace');
      await type(workbench, 'et once');
      await press(workbench, 'Escape', 'Control+Home');
      await press(workbench, 'Control+D', 'Control+D', 'Control+D');
      await type(workbench, 'const');
      await press(workbench, 'Escape');
      await workbench.waitForEditorText('const gamma = 3; // set once');
    },
  },
  {
    name: 'chat',
    description: 'A chat participant backed by a fake language model edits the file with stream.textEdit: a multi-line insert, then a one-word rename; each kept with Keep.',
    expectSources: ['Chat.applyEdits', 'cursor'],
    async run(workbench) {
      await workbench.openFile('chat.ts');
      await newLineAtEnd(workbench);
      await type(workbench, 'export const limit = value * 2;');
      await workbench.runCommand('Fake Chat: Ask to Add a Helper to This File');
      await keepChatEdits(workbench);
      await workbench.openFile('chat.ts');
      await workbench.waitForEditorText('export function clamp(value: number');
      await workbench.runCommand('Fake Chat: Ask to Rename in This File');
      await keepChatEdits(workbench);
      await workbench.openFile('chat.ts');
      await workbench.waitForEditorText('export const amount = 1;');
      await press(workbench, 'Control+End');
      await type(workbench, 'export const doubled = clamp(amount * 2, 0, 10);');
    },
  },
  {
    name: 'agent',
    description: 'An "AI agent" extension applies workspace edits (vscode.workspace.applyEdit): streamed multi-line inserts into the open file, then an insert into a file that is not open.',
    expectSources: ['unknown', 'cursor'],
    async run(workbench) {
      await workbench.openFile('agent.ts');
      await newLineAtEnd(workbench);
      await type(workbench, 'export const separator = ",";');
      await workbench.runCommand('Fake Agent: Edit Active File');
      await workbench.waitForEditorText('.filter((value) => !Number.isNaN(value));');
      await workbench.runCommand('Fake Agent: Edit Closed File');
      await delay(1_000);
      await press(workbench, 'Control+End');
      await type(workbench, 'export const parsed = parseList("1,2");');
      await workbench.waitForEditorText('export const parsed');
    },
  },
  {
    name: 'save-and-disk',
    description: 'Save with trim trailing whitespace, then the file changed on disk (another program) while open and clean.',
    expectSources: ['reloadFromDisk', 'cursor'],
    async run(workbench) {
      await workbench.openFile('disk.ts');
      await newLineAtEnd(workbench);
      await type(workbench, 'export const saved = true;   ');
      await press(workbench, 'Control+S');
      await workbench.waitFor(() => workbench.page.locator('.tab.active.dirty').count(), (count) => count === 0, 5_000);
      // Another program (git checkout, a generator) rewrites the file a little later.
      await delay(2_000);
      await writeFile(join(workbench.server.workspace, 'disk.ts'), 'export const fromDisk = 2;\nexport const saved = true;\n// Rewritten by another program.\n');
      await workbench.waitForEditorText('// Rewritten by another program.');
      await press(workbench, 'Control+End');
      await type(workbench, 'export const after = 3;');
      await workbench.waitForEditorText('export const after = 3;');
    },
  },
  {
    name: 'mixed',
    description: 'A mixed session in one file, recorded after the classifier was tuned on the others: typing, ghost text, paste and its undo/redo, completions, a chat edit kept and one undone, completions in the chat-edited file.',
    expectSources: ['cursor', 'inlineCompletionAccept', 'applyEdits', 'suggest', 'Chat.applyEdits'],
    async run(workbench) {
      await workbench.openFile('mixed.ts');
      await newLineAtEnd(workbench);
      await type(workbench, 'export function scaleAll(values: number[]): number[] {');
      await press(workbench, 'Enter');
      await type(workbench, 'return values.map((v) => v * ratio);');
      await press(workbench, 'Control+End', 'Enter');
      await type(workbench, '// ai:sum');
      await workbench.waitForGhostText();
      await press(workbench, 'Tab');
      await workbench.waitForEditorText('// ai:sum const sum = (a, b) => a + b;');
      await press(workbench, 'End', 'Enter');
      await paste(workbench, 'const copied = [1, 2, 3];');
      await workbench.waitForEditorText('const copied = [1, 2, 3];');
      await press(workbench, 'Control+Z');
      await waitForCount(workbench, 'const copied', 0);
      await press(workbench, 'Control+Shift+Z');
      await workbench.waitForEditorText('const copied = [1, 2, 3];');
      await press(workbench, 'End', 'Enter');
      await type(workbench, 'const biggest = Math.ma');
      await suggestAndPick(workbench, /^max/);
      await workbench.waitForEditorText('Math.max');
      await type(workbench, '(...copied);');
      await workbench.runCommand('Fake Chat: Ask to Add a Helper to This File');
      await keepChatEdits(workbench);
      await workbench.openFile('mixed.ts');
      await workbench.waitForEditorText('export function clamp(value: number');
      await press(workbench, 'Control+End', 'Enter');
      await type(workbench, 'const bounded = clam');
      await suggestAndPick(workbench, /^clamp/);
      await type(workbench, '(biggest, 0, 2);');
      await workbench.runCommand('Fake Chat: Ask to Rename in This File');
      await keepChatEdits(workbench, 'Undo');
      await workbench.openFile('mixed.ts');
      await press(workbench, 'Control+End', 'Enter');
      await type(workbench, 'export { bounded, scaleAll };');
      await workbench.waitForEditorText('export { bounded, scaleAll };');
    },
  },
  {
    name: 'next-edit',
    description: 'A next-edit suggestion away from the cursor (a rename on the first line), jumped to with Tab and accepted with Tab, then typing next to it.',
    expectSources: ['inlineCompletionAccept', 'cursor'],
    async run(workbench) {
      await workbench.openFile('nes.js');
      await press(workbench, 'Control+End');
      await type(workbench, '// ai:nes');
      await workbench.acceptNextEdit(1);
      await workbench.waitForEditorText('let total = 0;');
      await press(workbench, 'End');
      await type(workbench, ' // renamed');
      await workbench.waitForEditorText('let total = 0; // renamed');
    },
  },
];
