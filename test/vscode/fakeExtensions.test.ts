import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fileEditor } from './extension';

interface Applied {
  readonly file: string;
  readonly chars: number;
  readonly edits: number;
}

/** Counts the text-change events a command causes in documents of the workspace folder. */
async function changesDuring(run: () => Thenable<unknown>): Promise<{ result: unknown; events: number; changes: number }> {
  let events = 0;
  let changes = 0;
  const listener = vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.document.uri.scheme === 'file' && event.contentChanges.length > 0) {
      events++;
      changes += event.contentChanges.length;
    }
  });
  try {
    return { result: await run(), events, changes };
  } finally {
    listener.dispose();
  }
}

const ANSWER = 'export const one = 1;\nexport const two = 2;\nexport const three = 3;\n';

describe('The fake agent and tool extensions (test fixtures)', function () {
  this.timeout(30_000);

  it('fake agent, editorStream: streams with TextEditor.edit, then deletes the lines it replaced', async function () {
    const editor = await fileEditor('agent-stream.ts', 'const keep = 0;\nold line 1\nold line 2\nconst tail = 9;\n');
    const { result, events } = await changesDuring(() => vscode.commands.executeCommand('fakeAgent.editorStream', { line: 1, replaceLines: 2, text: ANSWER }));
    assert.equal(editor.document.getText(), `const keep = 0;\n${ANSWER}const tail = 9;\n`);
    assert.ok(events >= 4, `streamed in chunks (${events} events)`);
    assert.equal((result as Applied).chars, ANSWER.length);
  });

  it('fake agent, diffView: shows a diff, rewrites a growing region, then closes the diff', async function () {
    const editor = await fileEditor('agent-diff.ts', 'const keep = 0;\nold line 1\nold line 2\n');
    const { events } = await changesDuring(() => vscode.commands.executeCommand('fakeAgent.diffView', { file: 'agent-diff.ts', line: 1, replaceLines: 2, text: ANSWER }));
    assert.equal(editor.document.getText(), `const keep = 0;\n${ANSWER}`);
    assert.ok(events >= 3, `in growing steps (${events} events)`);
    const diffs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputTextDiff);
    assert.equal(diffs.length, 0, 'the diff view is closed');
  });

  it('fake agent, applyEditStream, applyEditClosed and createFileStream', async function () {
    const open = await fileEditor('agent-open.ts', '// start\n');
    await vscode.commands.executeCommand('fakeAgent.applyEditStream', { text: ANSWER });
    assert.equal(open.document.getText(), `// start\n${ANSWER}`);
    const folder = vscode.workspace.workspaceFolders![0].uri;
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'agent-closed.ts'), new TextEncoder().encode('// closed\n'));
    await vscode.commands.executeCommand('fakeAgent.applyEditClosed', { file: 'agent-closed.ts', text: ANSWER, save: true });
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'agent-closed.ts'))), `// closed\n${ANSWER}`);
    const shown = vscode.window.visibleTextEditors.some((editor) => editor.document.uri.path.endsWith('agent-closed.ts'));
    assert.equal(shown, false, 'no editor shows the closed file');
    await vscode.commands.executeCommand('fakeAgent.createFileStream', { file: 'agent-new.ts', text: ANSWER });
    assert.equal(vscode.window.activeTextEditor?.document.uri.path.endsWith('agent-new.ts'), true);
    assert.equal(vscode.window.activeTextEditor?.document.getText(), ANSWER);
  });

  it('fake tool: license header, fix all, organize imports and a codemod over two files', async function () {
    const editor = await fileEditor('tool.ts', 'import { b } from "./b";\nimport { a } from "./a";\nvar x = 1\nif (x == 2) { x = 3; }\n');
    const header = await vscode.commands.executeCommand<Applied>('fakeTool.licenseHeader', {});
    assert.equal(header.chars, 87);
    assert.match(editor.document.getText(), /^\/\/ Copyright/);
    await vscode.commands.executeCommand('fakeTool.licenseHeader', { lines: 1 });
    const { changes } = await changesDuring(() => vscode.commands.executeCommand('fakeTool.fixAll', {}));
    assert.ok(changes >= 2, `several small changes (${changes})`);
    assert.match(editor.document.getText(), /let x = 1;\nif \(x === 2\)/);
    await editor.edit((builder) => builder.delete(new vscode.Range(0, 0, 2, 0)));
    await vscode.commands.executeCommand('fakeTool.organizeImports', { add: ['import { c } from "./c";'] });
    assert.match(editor.document.getText(), /^import \{ a \} from "\.\/a";\nimport \{ b \} from "\.\/b";\nimport \{ c \} from "\.\/c";\n/);
    await fileEditor('mod-1.ts', 'legacyLog("one");\n');
    await fileEditor('mod-2.ts', 'legacyLog("two"); legacyLog("three");\n');
    const mod = await vscode.commands.executeCommand<Applied>('fakeTool.codemod', { files: ['mod-1.ts', 'mod-2.ts'], from: 'legacyLog', to: 'logEvent' });
    assert.equal(mod.edits, 3);
    const second = vscode.workspace.textDocuments.find((document) => document.uri.path.endsWith('mod-2.ts'));
    assert.equal(second?.getText(), 'logEvent("two"); logEvent("three");\n');
  });
});
