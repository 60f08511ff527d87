import type { TerminalRun } from '../terminal/terminalRuns';
import type { Attribution, EditFact } from './types';
import type { Verdict } from './verdict';

/** The terminal commands that explain file writes at a given time (TerminalRuns in the product). */
export interface TerminalExplainer {
  explain(at: number): TerminalRun | undefined;
}

/**
 * Whether a change to an open document looks like the file being rewritten on disk rather than
 * anything the user did in the editor: the document was clean and stayed clean, and the change is a reload (exact or
 * by the file watcher), a whole-content replacement, an edit no intent explains, or a typing-shaped
 * insert without the keyboard moving the cursor (an agent appending a closing brace).
 */
function isRewriteFromDisk(fact: EditFact, attribution: Attribution, verdict: Verdict): boolean {
  if (fact.wasDirty || fact.madeDirty === true || fact.reason !== undefined) {
    return false;
  }
  if (verdict.anonymous === true || attribution.category === 'external' || fact.replacesDocument === true) {
    return true;
  }
  return attribution.category === 'typed' && attribution.confidence === 'estimated'
    && (!fact.inActiveEditor || fact.selectionKind !== 'keyboard');
}

/**
 * A change to an open document made while a terminal command rewrites files: an agent CLI's is
 * AI-assisted (`aiChat`, estimated, `terminal:<name>`), a git checkout's or a package manager's is
 * nobody's new work (`external`). Undefined when no terminal command explains it, or when the
 * change is the user's own (typing, paste, an accept, undo: a dirty document is never reloaded).
 */
export function terminalAttribution(
  fact: EditFact, attribution: Attribution, verdict: Verdict, terminal: TerminalExplainer | undefined,
): Attribution | undefined {
  if (terminal === undefined || !isRewriteFromDisk(fact, attribution, verdict)) {
    return undefined;
  }
  const run = terminal.explain(fact.at);
  if (run === undefined) {
    return undefined;
  }
  const evidence = [...attribution.evidence.filter((token) => !token.startsWith('len=')), `terminal:${run.name}`];
  if (run.kind === 'agent') {
    if (attribution.chars > 0) {
      evidence.push(`len=${attribution.chars}`);
    }
    return { ...attribution, category: 'aiChat', confidence: 'estimated', evidence };
  }
  return { ...attribution, category: 'external', confidence: 'estimated', evidence };
}
