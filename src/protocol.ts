/**
 * The typed messages between the extension host and the dashboard webview. Both sides import
 * this file; both validate what arrives, because a webview message is untrusted input.
 */
import * as v from 'valibot';
import type { Snapshot } from './core/history/snapshot';

/** Host → webview. */
export type ToWebviewMessage =
  | { readonly type: 'init'; readonly locale: string; readonly strings: Readonly<Record<string, string>> }
  | { readonly type: 'snapshot'; readonly snapshot: Snapshot };

const countsSchema = v.object({
  typed: v.number(), aiInline: v.number(), aiChat: v.number(), paste: v.number(),
  tool: v.number(), undoRedo: v.number(), external: v.number(),
});
const totalsEntries = {
  chars: countsSchema,
  estimatedAiChars: v.number(),
  ownershipRatio: v.nullable(v.number()),
};

const toWebviewSchema = v.variant('type', [
  v.object({ type: v.literal('init'), locale: v.string(), strings: v.record(v.string(), v.string()) }),
  v.object({
    type: v.literal('snapshot'),
    snapshot: v.looseObject({
      version: v.literal(1),
      session: v.looseObject({ ...totalsEntries, id: v.string(), start: v.string(), end: v.string() }),
      today: v.looseObject({ ...totalsEntries, date: v.string() }),
      recent: v.array(v.looseObject({})),
    }),
  }),
]);

/** Webview → host: a closed set of actions, with no pass-through to commands or files. */
export type FromWebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' };

const fromWebviewSchema = v.variant('type', [
  v.strictObject({ type: v.literal('ready') }),
  v.strictObject({ type: v.literal('refresh') }),
]);

export function parseFromWebview(value: unknown): FromWebviewMessage | undefined {
  const result = v.safeParse(fromWebviewSchema, value);
  return result.success ? result.output : undefined;
}

export function parseToWebview(value: unknown): ToWebviewMessage | undefined {
  const result = v.safeParse(toWebviewSchema, value);
  return result.success ? (result.output as ToWebviewMessage) : undefined;
}
