import type * as vscode from 'vscode';
import type { Snapshot, SnapshotV1 } from '../core/history/snapshot';
import type { StatusBarState } from './statusBar';

/** The read-only API `activate()` returns to other extensions (and to our own tests). */
export interface OwnershipRatioApi {
  /** The current session, today, and the last attributed edits (never their text): version 2. */
  getSnapshot(): Snapshot;
  getSnapshot(options: { readonly version: 2 }): Snapshot;
  /** @deprecated Version 1 (totals without `aiFate` and `lead`) is served for one more release. */
  getSnapshot(options: { readonly version: 1 }): SnapshotV1;
  /** Fires after counts change (not throttled: listeners should throttle themselves). */
  readonly onDidChange: vscode.Event<void>;
  /** What the status-bar indicator shows now: its text, its tooltip's Markdown, and whether it is shown. */
  getStatusBar(): StatusBarState;
}
