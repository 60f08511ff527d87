import type { CategoryCounts, PasteCountsAs } from './categories';

/**
 * The ownership ratio: own characters / (own + AI characters), weighted by volume.
 * `null` when nothing own or AI-assisted was inserted (no ratio rather than a made-up 0% or 100%).
 */
export function ownershipRatio(chars: Readonly<CategoryCounts>, pasteCountsAs: PasteCountsAs): number | null {
  let own = chars.typed;
  let ai = chars.aiInline + chars.aiChat;
  if (pasteCountsAs === 'own') {
    own += chars.paste;
  } else if (pasteCountsAs === 'ai') {
    ai += chars.paste;
  }
  const total = own + ai;
  return total === 0 ? null : own / total;
}
