import * as vscode from 'vscode';
import { OTHER_LANGUAGE } from '../core/history/model';
import type { LanguageName } from './dashboardData';

/**
 * Language display names as the installed extensions contribute them (`typescriptreact` →
 * "TypeScript JSX"): the first alias of each language id. Read when the dashboard asks, so
 * languages of extensions installed meanwhile get their names too.
 */
export function languageNames(): LanguageName {
  const names = new Map<string, string>();
  for (const extension of vscode.extensions.all) {
    const languages: unknown = (extension.packageJSON as { contributes?: { languages?: unknown } } | undefined)?.contributes?.languages;
    for (const language of Array.isArray(languages) ? languages : []) {
      const { id, aliases } = (language ?? {}) as { id?: unknown; aliases?: unknown };
      const alias: unknown = Array.isArray(aliases) ? aliases[0] : undefined;
      if (typeof id === 'string' && typeof alias === 'string' && alias.trim() !== '' && !names.has(id)) {
        names.set(id, alias);
      }
    }
  }
  return (id) => names.get(id) ?? (id === OTHER_LANGUAGE ? vscode.l10n.t('Other languages') : id);
}
