import * as vscode from 'vscode';
import type { IntentLog } from '../core/attribution/intents';
import type { FolderLike } from '../core/attribution/schemes';
import type { Attribution, EditFact } from '../core/attribution/types';
import type { Clock } from '../core/clock';
import { ChangeWatcher } from './changeWatcher';
import { EditContext } from './editContext';
import { AcceptCommandInterceptor } from './intents/acceptCommands';
import { DiskChangeObserver } from './intents/diskChangeObserver';
import { EditorIntents } from './intents/editorIntents';
import { PasteObserver } from './intents/pasteObserver';
import { ToolCommandInterceptor } from './intents/toolCommands';
import { settings } from './settings';
import { TerminalFileWrites } from './terminal/fileWrites';
import { TerminalCommands } from './terminal/terminalCommands';
import { TerminalRuns } from '../core/terminal/terminalRuns';

export interface AttributionOptions {
  readonly clock: Clock;
  readonly intents: IntentLog;
  readonly log: vscode.LogOutputChannel;
  readonly onAttribution: (attribution: Attribution) => void;
  readonly onReplace: (previous: Attribution, next: Attribution) => void;
  /** Folders whose documents never count (the editor's own user data). */
  readonly uncountedFolders?: readonly FolderLike[];
  /** The corpus recorder's view of every fact and uncounted change. */
  readonly onFact?: (fact: EditFact) => void;
  readonly onUncountedChange?: (scheme: string) => void;
  /**
   * Observe the accept and tool commands whatever the settings say (the corpus recorder, whose
   * recording runs switch the product's own observers off so the two do not stack).
   */
  readonly observeCommandsAlways?: boolean;
}

/**
 * Everything that watches edits and what happened around them, wired to the classifier: the one
 * composition shared by the extension and the test-only corpus recorder, so the corpus holds what
 * the product sees. Settings are read when they change.
 */
export function watchEdits(options: AttributionOptions): vscode.Disposable[] {
  const { clock, intents, log } = options;
  const editorIntents = new EditorIntents(intents, clock);
  const acceptCommands = new AcceptCommandInterceptor(intents, clock, log);
  const always = options.observeCommandsAlways === true;
  acceptCommands.setEnabled(always || settings.interceptAcceptCommands());
  const toolCommands = new ToolCommandInterceptor(intents, clock, log);
  toolCommands.setEnabled(always || settings.observeToolCommands());
  const editContext = new EditContext({ aiExtensions: settings.aiExtensions, toolExtensions: settings.toolExtensions });
  const runs = new TerminalRuns(clock);
  const fileWrites = new TerminalFileWrites({ runs, clock, log, onAttribution: options.onAttribution });
  return [
    fileWrites,
    new TerminalCommands({
      runs,
      agentSetting: settings.terminalAgents,
      log,
      onRunStarted: (run) => fileWrites.runStarted(run),
      onRunEnded: (run) => fileWrites.runEnded(run),
    }),
    editorIntents,
    acceptCommands,
    toolCommands,
    editContext,
    new DiskChangeObserver(intents, clock),
    new PasteObserver(intents, clock),
    new ChangeWatcher({
      clock,
      intents,
      exactSources: settings.exactSources,
      onAttribution: options.onAttribution,
      onReplace: options.onReplace,
      signals: editContext,
      terminal: runs,
      uncountedFolders: options.uncountedFolders,
      onFact: options.onFact,
      onUncountedChange: (scheme, path) => {
        options.onUncountedChange?.(scheme);
        editorIntents.noteChatActivity(scheme, 'changed', path);
      },
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('ownershipRatio.detection.interceptAcceptCommands')) {
        acceptCommands.setEnabled(always || settings.interceptAcceptCommands());
      }
      if (event.affectsConfiguration('ownershipRatio.detection.observeToolCommands')) {
        toolCommands.setEnabled(always || settings.observeToolCommands());
      }
    }),
  ];
}
