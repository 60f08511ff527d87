import type * as vscode from 'vscode';
import type { Snapshot } from '../core/history/snapshot';
import type { StatusBarState } from './statusBar';

/** The read-only API `activate()` returns to other extensions (and to our own tests). */
export interface OwnershipRatioApi {
  /** The current session, today, and the last attributed edits (never their text). */
  getSnapshot(): Snapshot;
  /** Fires after counts change (not throttled: listeners should throttle themselves). */
  readonly onDidChange: vscode.Event<void>;
  /** What the status-bar indicator shows now: its text, its tooltip's Markdown, and whether it is shown. */
  getStatusBar(): StatusBarState;
}
