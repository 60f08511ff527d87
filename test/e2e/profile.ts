import { join } from 'node:path';

/** The extension's id: also the name of its folders in a profile's storage. */
export const EXTENSION_ID = 'ownership.ownership-ratio';

/** The extension's global storage folder in a profile (the code-server's user data folder). */
export function globalStorageOf(userDataDir: string): string {
  return join(userDataDir, 'User', 'globalStorage', EXTENSION_ID);
}
