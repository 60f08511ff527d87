import type { CategoryCounts, PasteCountsAs } from './categories';

/** The categories the ratio can count: typed, AI (inline, chat) and paste. */
export type CountedChars = Pick<CategoryCounts, 'typed' | 'aiInline' | 'aiChat' | 'paste'>;

/** Own and AI-assisted characters of a span: typed is own, inline and chat are AI, paste as the setting says. */
export function ownAndAi(chars: Readonly<CountedChars>, pasteCountsAs: PasteCountsAs): { own: number; ai: number } {
  return {
    own: chars.typed + (pasteCountsAs === 'own' ? chars.paste : 0),
    ai: aiChars(chars) + (pasteCountsAs === 'ai' ? chars.paste : 0),
  };
}

/** The AI-assisted characters proper (inline completions and chat/agent edits), paste aside. */
export function aiChars(chars: Readonly<Pick<CategoryCounts, 'aiInline' | 'aiChat'>>): number {
  return chars.aiInline + chars.aiChat;
}

/** Characters of the categories the ratio can count (typed, AI, paste): zero means no work to show. */
export function countedChars(chars: Readonly<CountedChars>): number {
  return chars.typed + chars.aiInline + chars.aiChat + chars.paste;
}

/**
 * The share of own characters, own / (own + AI), weighted by volume. `null` when nothing own or
 * AI-assisted was inserted (no ratio rather than a made-up 0% or 100%).
 */
export function ownShare(own: number, ai: number): number | null {
  const total = own + ai;
  return total > 0 ? own / total : null;
}

/** The ownership ratio of a span's characters. */
export function ownershipRatio(chars: Readonly<CategoryCounts>, pasteCountsAs: PasteCountsAs): number | null {
  const { own, ai } = ownAndAi(chars, pasteCountsAs);
  return ownShare(own, ai);
}
