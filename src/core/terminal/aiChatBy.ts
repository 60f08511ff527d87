/** Where AI chat and agent work came from: a chat in the editor, an agent extension, a terminal agent. */
export const AI_CHAT_SOURCES = ['chat', 'extension', 'terminal'] as const;
export type AiChatSource = (typeof AI_CHAT_SOURCES)[number];
export type AiChatBy = Record<AiChatSource, number>;

export function emptyAiChatBy(): AiChatBy {
  return { chat: 0, extension: 0, terminal: 0 };
}

/** Evidence that the editor's own chat (a chat participant, chat editing, inline chat) made the edit. */
const CHAT_EVIDENCE: ReadonlySet<string> = new Set(['exact:chat', 'exact:inlineChat', 'intent:chatEditing']);

/**
 * The source of an `aiChat` attribution, from its evidence: a terminal agent (`terminal:<name>`),
 * the editor's chat, else an extension (workspace edits, background inserts, AI-like shapes).
 */
export function aiChatSource(evidence: readonly string[]): AiChatSource {
  let chat = false;
  for (const token of evidence) {
    if (token.startsWith('terminal:')) {
      return 'terminal';
    }
    if (CHAT_EVIDENCE.has(token) || token.startsWith('chat:')) {
      chat = true;
    }
  }
  return chat ? 'chat' : 'extension';
}

/** Adds `source` into `target`, source by source. */
export function addAiChatBy(target: AiChatBy, source: Readonly<AiChatBy>): void {
  for (const s of AI_CHAT_SOURCES) {
    target[s] += source[s];
  }
}

/**
 * The part of `aiChat` that no source was recorded for: work counted before the split existed
 * (history written by an earlier version has none). Never negative.
 */
export function aiChatNotSplit(aiChat: number, by: Readonly<AiChatBy>): number {
  return Math.max(0, aiChat - by.chat - by.extension - by.terminal);
}
