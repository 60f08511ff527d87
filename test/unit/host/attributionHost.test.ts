import * as assert from 'node:assert/strict';
import { ANY_DOCUMENT, IntentLog } from '../../../src/core/attribution/intents';
import type { Attribution, EditFact, Intent } from '../../../src/core/attribution/types';
import { CHAT_MIRROR_AFTER_MS, CHAT_MIRROR_MS, ChangeWatcher } from '../../../src/host/changeWatcher';
import { EditContext } from '../../../src/host/editContext';
import { DiskChangeObserver } from '../../../src/host/intents/diskChangeObserver';
import { EditorIntents } from '../../../src/host/intents/editorIntents';
import { ToolCommandInterceptor } from '../../../src/host/intents/toolCommands';
import { FakeUri, Position, Range, TabInputTextDiff, installFakeVscode, type FakeVscode } from '../../support/fakeVscode';

/** An intent log that also keeps every intent recorded, for the assertions. */
class SeenIntents extends IntentLog {
  readonly seen: Intent[] = [];
  override record(intent: Intent): void {
    this.seen.push(intent);
    super.record(intent);
  }
  kinds(): string[] {
    return this.seen.map((each) => each.kind);
  }
}

function document(path: string, text: string, scheme = 'file') {
  return { uri: new FakeUri(scheme, path), languageId: 'typescript', version: 1, isDirty: false, isClosed: false, getText: () => text };
}

function change(doc: ReturnType<typeof document>, text: string) {
  const at = new Position(0, 0);
  return { document: doc, reason: undefined, contentChanges: [{ range: new Range(at, at), rangeLength: 0, text }] };
}

const clock = { now: () => Date.now() };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('host: what is watched around edits', () => {
  let vscode: FakeVscode;
  beforeEach(() => {
    vscode = installFakeVscode();
  });

  describe('ChangeWatcher and a chat session\'s models', () => {
    function watcher(uncounted: string[], counted: Attribution[] = [], intents = new SeenIntents()) {
      return new ChangeWatcher({
        clock, intents, exactSources: () => false, onAttribution: (a) => counted.push(a), onReplace: () => undefined,
        onUncountedChange: (scheme: string) => uncounted.push(scheme),
      });
    }

    it('a chat model change right before the same edit to the document is a mirror, not chat activity', async () => {
      const uncounted: string[] = [];
      const built = watcher(uncounted);
      vscode.onDidChangeTextDocument.fire(change(document('/a.ts', 'x', 'chat-editing-text-model'), 'x'));
      vscode.onDidChangeTextDocument.fire(change(document('/a.ts', 'x'), 'x'));
      await wait(CHAT_MIRROR_MS * 3);
      assert.deepEqual(uncounted, []);
      built.dispose();
    });

    it('a chat model change right after the same document\'s edit is a mirror too; another document\'s model is not', async () => {
      const uncounted: string[] = [];
      const built = watcher(uncounted);
      vscode.onDidChangeTextDocument.fire(change(document('/a.ts', 'x'), 'x'));
      vscode.onDidChangeTextDocument.fire(change(document('/a.ts', 'x', 'chat-editing-text-model'), 'x'));
      vscode.onDidChangeTextDocument.fire(change(document('/b.ts', 'x', 'chat-editing-text-model'), 'x'));
      await wait(CHAT_MIRROR_MS * 3);
      assert.deepEqual(uncounted, ['chat-editing-text-model']);
      built.dispose();
    });

    it('a chat model change up to a quarter second after the same document\'s edit is a mirror (a busy machine); later it is the chat\'s', async () => {
      const uncounted: string[] = [];
      let now = 1_000;
      const built = new ChangeWatcher({
        clock: { now: () => now }, intents: new SeenIntents(), exactSources: () => false, onAttribution: () => undefined, onReplace: () => undefined,
        onUncountedChange: (scheme: string) => uncounted.push(scheme),
      });
      vscode.onDidChangeTextDocument.fire(change(document('/a.ts', 'x'), 'x'));
      now += CHAT_MIRROR_AFTER_MS - 10;
      vscode.onDidChangeTextDocument.fire(change(document('/a.ts', 'x', 'chat-editing-text-model'), 'x'));
      await wait(CHAT_MIRROR_MS * 3);
      assert.deepEqual(uncounted, [], 'a late mirror');
      now += 30;
      vscode.onDidChangeTextDocument.fire(change(document('/a.ts', 'x', 'chat-editing-text-model'), 'x'));
      await wait(CHAT_MIRROR_MS * 3);
      assert.deepEqual(uncounted, ['chat-editing-text-model'], 'the chat\'s own');
      built.dispose();
    });

    it('a chat model change with no document edit right after it is the chat\'s own', async () => {
      const uncounted: string[] = [];
      const built = watcher(uncounted);
      vscode.onDidChangeTextDocument.fire(change(document('/a.ts', 'x', 'chat-editing-text-model'), 'x'));
      await wait(CHAT_MIRROR_MS * 3);
      assert.deepEqual(uncounted, ['chat-editing-text-model']);
      built.dispose();
    });

    it('an edit of a clean document that the editor then reports dirty is marked as such; a save\'s clean report is not', async () => {
      const facts: EditFact[] = [];
      const built = new ChangeWatcher({
        clock, intents: new SeenIntents(), exactSources: () => false, onAttribution: () => undefined, onReplace: () => undefined, onFact: (f) => facts.push(f),
      });
      const doc = document('/a.ts', 'export const x = 1;\n');
      vscode.onDidChangeTextDocument.fire(change(doc, 'export const x = 1;\n'));
      doc.isDirty = true;
      vscode.onDidChangeTextDocument.fire({ document: doc, reason: undefined, contentChanges: [] });
      await wait(150);
      const reloaded = document('/b.ts', 'export const y = 2;\n');
      vscode.onDidChangeTextDocument.fire(change(reloaded, 'export const y = 2;\n'));
      vscode.onDidChangeTextDocument.fire({ document: reloaded, reason: undefined, contentChanges: [] });
      await wait(150);
      assert.deepEqual(facts.map((f) => [f.documentKey, f.madeDirty]), [['file:///a.ts', true], ['file:///b.ts', undefined]]);
      built.dispose();
    });

    it('other uncounted schemes are reported at once', () => {
      const uncounted: string[] = [];
      const built = watcher(uncounted);
      vscode.onDidChangeTextDocument.fire(change(document('/input', 'x', 'chatSessionInput'), 'x'));
      assert.deepEqual(uncounted, ['chatSessionInput']);
      built.dispose();
    });

    it('a mouse click in an editor records that the cursor moved', () => {
      const intents = new SeenIntents();
      const built = watcher([], [], intents);
      const doc = document('/a.ts', 'x');
      vscode.onDidChangeTextEditorSelection.fire({ textEditor: { document: doc }, kind: 2, selections: [] });
      vscode.onDidChangeTextEditorSelection.fire({ textEditor: { document: doc }, kind: 1, selections: [] });
      assert.deepEqual(intents.kinds(), ['cursorMoved']);
      built.dispose();
    });
  });

  describe('DiskChangeObserver', () => {
    it('records every change on disk, and an echo when the file holds what the clean document holds', async () => {
      const intents = new SeenIntents();
      const observer = new DiskChangeObserver(intents, clock);
      const doc = document('/w/a.ts', 'same text');
      vscode.workspace.textDocuments.push(doc);
      await vscode.fs.writeFile(doc.uri, new TextEncoder().encode('same text'));
      vscode.fileWatchers[0].change.fire(doc.uri);
      await wait(10);
      assert.deepEqual(intents.kinds(), ['fileChangedOnDisk', 'fileChangeEchoed']);
      observer.dispose();
    });

    it('another program\'s content, or a document that reloaded meanwhile, is no echo', async () => {
      const intents = new SeenIntents();
      const observer = new DiskChangeObserver(intents, clock);
      const doc = document('/w/a.ts', 'old text');
      vscode.workspace.textDocuments.push(doc);
      await vscode.fs.writeFile(doc.uri, new TextEncoder().encode('new text'));
      vscode.fileWatchers[0].change.fire(doc.uri);
      await wait(10);
      const reloaded = document('/w/b.ts', 'same');
      vscode.workspace.textDocuments.push(reloaded);
      await vscode.fs.writeFile(reloaded.uri, new TextEncoder().encode('same'));
      vscode.fileWatchers[0].change.fire(reloaded.uri);
      reloaded.version = 2;
      await wait(10);
      assert.deepEqual(intents.kinds(), ['fileChangedOnDisk', 'fileChangedOnDisk']);
      observer.dispose();
    });
  });

  describe('EditorIntents', () => {
    it('created files, chat requests, and the end of a chat session when its last model closes', () => {
      const intents = new SeenIntents();
      const observed = new EditorIntents(intents, clock);
      vscode.onDidCreateFiles.fire({ files: [FakeUri.file('/w/new.ts')] });
      observed.noteChatActivity('chatSessionInput', 'changed');
      const model = document('/a.ts', '', 'chat-editing-text-model');
      vscode.onDidOpenTextDocument.fire(model);
      vscode.onDidCloseTextDocument.fire(document('/b.ts', ''));
      vscode.onDidCloseTextDocument.fire(model);
      assert.deepEqual(intents.kinds(), ['fileCreated', 'chatRequest', 'chatEditingActive', 'chatEditingEnded']);
      assert.equal(intents.seen[0].documentKey, 'file:///w/new.ts');
      observed.dispose();
    });
  });

  describe('EditorIntents and the documents a chat session edits', () => {
    it('a chat model\'s activity marks the open document it holds, not every document', () => {
      const intents = new SeenIntents();
      const observed = new EditorIntents(intents, clock);
      vscode.workspace.textDocuments.push(document('/w/held.ts', 'x'), document('/w/other.ts', 'y'));
      vscode.onDidOpenTextDocument.fire(document('/w/held.ts', 'x', 'chat-editing-text-model'));
      observed.noteChatActivity('chat-editing-text-model', 'changed', '/w/held.ts');
      observed.noteChatActivity('chat-editing-text-model', 'changed', '/w/not-open.ts');
      assert.deepEqual(intents.seen.map((each) => [each.kind, each.documentKey]), [
        ['chatEditingActive', 'file:///w/held.ts'], ['chatEditingActive', 'file:///w/held.ts'], ['chatEditingActive', ANY_DOCUMENT],
      ]);
      observed.dispose();
    });

    it('the change watcher passes the model\'s path on with its change', async () => {
      const uncounted: Array<[string, string]> = [];
      const built = new ChangeWatcher({
        clock, intents: new SeenIntents(), exactSources: () => false, onAttribution: () => undefined, onReplace: () => undefined,
        onUncountedChange: (scheme, path) => uncounted.push([scheme, path]),
      });
      vscode.onDidChangeTextDocument.fire(change(document('/w/held.ts', 'x', 'chat-editing-text-model'), 'x'));
      await wait(CHAT_MIRROR_MS * 3);
      assert.deepEqual(uncounted, [['chat-editing-text-model', '/w/held.ts']]);
      built.dispose();
    });
  });

  describe('EditContext', () => {
    it('knows when an AI extension\'s diff view is open and whether an AI extension is installed', () => {
      vscode.extensions.all.push({ id: 'GitHub.copilot', packageJSON: {} });
      const context = new EditContext({ aiExtensions: () => ['github.copilot'], toolExtensions: () => [] });
      assert.equal(context.aiExtensionActive(), true);
      assert.equal(context.aiDiffViewOpen(), false);
      vscode.window.tabGroups.all.push({ tabs: [{ input: new TabInputTextDiff(new FakeUri('git', '/a.ts'), FakeUri.file('/a.ts')) }] });
      vscode.onDidChangeTabs.fire({});
      assert.equal(context.aiDiffViewOpen(), false, 'a Git diff is the editor\'s own');
      vscode.window.tabGroups.all.push({ tabs: [{ input: new TabInputTextDiff(new FakeUri('cline-diff', '/a.ts'), FakeUri.file('/a.ts')) }] });
      vscode.onDidChangeTabs.fire({});
      assert.equal(context.aiDiffViewOpen(), true);
      context.dispose();
    });

    it('follows the settings: an id listed as a tool is no AI extension', () => {
      vscode.extensions.all.push({ id: 'github.copilot', packageJSON: {} });
      let tools: string[] = [];
      const context = new EditContext({ aiExtensions: () => ['github.copilot'], toolExtensions: () => tools });
      assert.equal(context.aiExtensionActive(), true);
      tools = ['github.copilot'];
      vscode.setSetting('ownershipRatio.detection.toolExtensions', tools);
      assert.equal(context.aiExtensionActive(), false);
      context.dispose();
    });
  });

  describe('ToolCommandInterceptor', () => {
    it('records a command\'s start and return for every document, with its id, and still runs it', async () => {
      const intents = new SeenIntents();
      const interceptor = new ToolCommandInterceptor(intents, clock, vscode.window.createOutputChannel() as never);
      interceptor.setEnabled(true);
      await vscode.commands.executeCommand('editor.action.formatDocument');
      await vscode.commands.executeCommand('editor.action.rename');
      assert.deepEqual(intents.seen.map((each) => [each.kind, each.documentKey, each.detail]), [
        ['toolCommand', ANY_DOCUMENT, 'editor.action.formatDocument'],
        ['toolCommandDone', ANY_DOCUMENT, 'editor.action.formatDocument'],
        ['toolCommand', ANY_DOCUMENT, 'editor.action.rename'],
      ]);
      assert.ok(vscode.commandHandlers.has('editor.action.formatDocument'), 'registered again after running');
      interceptor.dispose();
    });
  });
});
