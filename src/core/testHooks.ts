/**
 * What the tests may shorten or slow down: the horizon of the fate of AI text (they cannot wait
 * ten minutes), and a hold in each crash-safe write before its rename (to kill the extension host
 * in the middle of a write). Read from the host's environment only when allowed: under test or
 * from the source folder, or for the installed package when the test-only marker extension
 * (never published) is installed beside it. An environment variable alone, which a user's shell
 * could carry by accident, never changes how the extension counts or writes.
 */

/** The id of the test-only marker extension (`test/fixtures/extensions/test-hooks`). */
export const TEST_HOOKS_MARKER = 'ownership-tests.test-hooks';

export interface TestHooks {
  readonly horizonMs?: number;
  readonly holdRenameMs?: number;
}

export function testHooks(env: Readonly<Record<string, string | undefined>>, allowed: boolean): TestHooks {
  if (!allowed) {
    return {};
  }
  const horizonMs = positive(env.OWNERSHIP_TEST_FATE_HORIZON_MS);
  const holdRenameMs = positive(env.OWNERSHIP_TEST_HOLD_RENAME_MS);
  return { ...(horizonMs === undefined ? {} : { horizonMs }), ...(holdRenameMs === undefined ? {} : { holdRenameMs }) };
}

function positive(value: string | undefined): number | undefined {
  const number = Number(value);
  return value !== undefined && Number.isFinite(number) && number > 0 ? number : undefined;
}
