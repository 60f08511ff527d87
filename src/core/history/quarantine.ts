import type { Clock } from '../clock';
import { QUARANTINE_KEY_PREFIX } from '../storageKeys';
import type { MementoLike, QuarantineSink } from './ports';
import { errorText, type StoreWarning } from './storeTypes';

export interface QuarantineDeps {
  readonly clock: Clock;
  readonly memento: MementoLike;
  /** Where damaged values go; without one they are kept under the Memento key `quarantine.<key>.<time>`. */
  readonly sink?: QuarantineSink;
}

/**
 * Sets a damaged value aside before anything may replace it, and says so (`corrupt`, or
 * `quarantineFailed` when it could not be kept). Resolves with where it was kept, or undefined
 * when it could not be: then the caller must leave the original untouched.
 */
export async function keepAside(
  deps: QuarantineDeps,
  key: string,
  raw: unknown,
  issues: readonly string[],
  warn: (warning: StoreWarning) => void,
): Promise<string | undefined> {
  const at = deps.clock.now();
  const keptAs = `${QUARANTINE_KEY_PREFIX}${key}.${at}`;
  try {
    if (deps.sink !== undefined) {
      await deps.sink.put({ key, at, issues, raw });
    } else {
      await deps.memento.update(keptAs, raw);
    }
  } catch (error) {
    warn({ code: 'quarantineFailed', key, issues, error: errorText(error) });
    return undefined;
  }
  warn({ code: 'corrupt', key, issues, keptAs });
  return keptAs;
}
