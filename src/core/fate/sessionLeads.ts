import type { Category } from '../categories';
import { LeadTally, type FileLead } from './lead';

/** Files followed per session; later files of a very long session count for no lead. */
const MAX_FILES = 256;

/**
 * The files of one session and their own and AI characters in order, until the session ends:
 * then each file's lead is decided once (see `decideLead`). Holds counts per file, no text.
 */
export class SessionLeads<S> {
  private session: S | undefined;
  private readonly files = new Map<string, LeadTally>();

  /** One counted attribution of `session` in the file `key`. O(1). */
  note(session: S, key: string, category: Category, chars: number): void {
    if (session !== this.session) {
      this.session = session;
      this.files.clear();
    }
    let file = this.files.get(key);
    if (file === undefined) {
      if (this.files.size >= MAX_FILES) {
        return;
      }
      file = new LeadTally();
      this.files.set(key, file);
    }
    file.add(category, chars);
  }

  /** The session followed, if any. */
  get current(): S | undefined {
    return this.session;
  }

  /** Ends the session followed: its files' leads (files with too little work have none). */
  take(): { readonly session: S | undefined; readonly leads: FileLead[] } {
    const leads: FileLead[] = [];
    for (const file of this.files.values()) {
      const lead = file.lead();
      if (lead !== undefined) {
        leads.push({ lead, chars: file.you + file.ai });
      }
    }
    const session = this.session;
    this.session = undefined;
    this.files.clear();
    return { session, leads };
  }
}
