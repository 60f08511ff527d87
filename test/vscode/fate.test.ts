import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Snapshot } from '../../src/core/history/snapshot';
import { api, eventually, fileEditor, typeText } from './extension';

/*
 * What became of AI text, in the real editor: an agent's insert, partly retyped and partly deleted
 * by hand, counted as kept, reworked and removed once its horizon has passed. The suite runs with
 * a horizon of a few seconds (the harness sets it in the extension host's environment).
 */

const TEXT = [
  'export function area(width: number, height: number): number {',
  '  // the area in square units',
  '  return width * height;',
  '}',
  '',
  'export const unit = 1;',
  'export const name = "rectangle";',
  '',
].join('\n');
const COMMENT_LINE = '  // the area in square units\n';

type Fate = NonNullable<Snapshot['today']['aiFate']>;

function fateOf(snapshot: Snapshot): Fate {
  return snapshot.today.aiFate ?? { kept: 0, reworked: 0, removed: 0, pending: 0 };
}

describe('What became of AI text (in the extension host)', function () {
  this.timeout(40_000);

  before(async function () {
    await vscode.workspace.getConfiguration('ownershipRatio').update('detection.aiExtensions', ['ownership-tests.fake-agent'], vscode.ConfigurationTarget.Global);
  });

  after(async function () {
    await vscode.workspace.getConfiguration('ownershipRatio').update('detection.aiExtensions', undefined, vscode.ConfigurationTarget.Global);
  });

  it('an agent’s streamed insert partly retyped and partly deleted: kept, reworked and removed after the horizon', async function () {
    const ownership = await api();
    // Earlier tests' AI text settles first, so that this insert is measured on its own.
    const before = fateOf(await eventually(() => ownership.getSnapshot(), (s) => fateOf(s).pending === 0, 20_000));
    const editor = await fileEditor('fate.ts', 'const keep = 0;\n');
    // Streamed in pieces: the first ones are a tool's until the stream shows, then all of it is AI text.
    await vscode.commands.executeCommand('fakeAgent.editorStream', { line: 1, text: TEXT });
    await eventually(() => fateOf(ownership.getSnapshot()).pending, (pending) => pending >= TEXT.length, 5_000);

    // Select "width" (its first use) and type "wid" over it: 3 reworked, 2 deleted by you.
    const text = editor.document.getText();
    const width = text.indexOf('width');
    editor.selection = new vscode.Selection(editor.document.positionAt(width), editor.document.positionAt(width + 5));
    await typeText('wid');
    // Select the comment line and delete it: removed.
    const comment = editor.document.getText().indexOf(COMMENT_LINE);
    editor.selection = new vscode.Selection(editor.document.positionAt(comment), editor.document.positionAt(comment + COMMENT_LINE.length));
    await vscode.commands.executeCommand('deleteLeft');
    assert.ok(!editor.document.getText().includes('// the area'), 'the comment line is gone');

    const after = fateOf(await eventually(() => ownership.getSnapshot(), (s) => fateOf(s).pending === 0 && fateOf(s).kept > before.kept, 20_000));
    const delta = { kept: after.kept - before.kept, reworked: after.reworked - before.reworked, removed: after.removed - before.removed };
    assert.deepEqual(delta, { kept: TEXT.length - 3 - 2 - COMMENT_LINE.length, reworked: 3, removed: 2 + COMMENT_LINE.length }, JSON.stringify({ before, after }));
    await eventually(() => ownership.getStatusBar().tooltip, (tooltip) => /AI text today: \d+ % kept, \d+ % reworked by you, \d+ % removed/.test(tooltip), 3_000);
  });
});
