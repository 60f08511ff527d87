import { join } from 'node:path';
import { RuleTester, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';

const root = join(__dirname, '..', '..', '..');
// The rule is an ES module beside the ESLint config; Node loads it with require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LAYERS, layersRule } = require(join(root, 'eslint', 'layers.mjs')) as { LAYERS: unknown; layersRule: Rule.RuleModule };
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser as never } });
const file = (path: string) => join(process.cwd(), path);

// RuleTester writes its own describe/it blocks: one test per case below.
describe('Lint: the project\'s layer rule (imports judged by where they resolve)', function () {
  tester.run('layers', layersRule, {
      valid: [
        { filename: file('src/core/history/model.ts'), code: "import { x } from '../categories';", options: [LAYERS] },
        { filename: file('src/core/history/model.ts'), code: "import * as v from 'valibot';", options: [LAYERS] },
        { filename: file('src/webview/sections/today.ts'), code: "import { aiChars } from '../../core/ratio'; import type { X } from '../../protocol';", options: [LAYERS] },
        { filename: file('src/host/statusBar.ts'), code: "import * as vscode from 'vscode'; import { parse } from '../protocol';", options: [LAYERS] },
        { filename: file('src/extension.ts'), code: "import { Dashboard } from './host/dashboard';", options: [LAYERS] },
        { filename: file('test/unit/x.test.ts'), code: "import { y } from '../../src/host/statusBar';", options: [LAYERS] },
      ],
      invalid: [
        { filename: file('src/core/ratio.ts'), code: "import type * as vscode from 'vscode';", options: [LAYERS], errors: [{ messageId: 'package' }] },
        { filename: file('src/core/history/model.ts'), code: "import { x } from '../../host/settings';", options: [LAYERS], errors: [{ messageId: 'layer' }] },
        { filename: file('src/core/ratio.ts'), code: "export { y } from '../webview/format';", options: [LAYERS], errors: [{ messageId: 'layer' }] },
        { filename: file('src/webview/main.ts'), code: "import * as vscode from 'vscode';", options: [LAYERS], errors: [{ messageId: 'package' }] },
        { filename: file('src/webview/sections/today.ts'), code: "import type { S } from '../../host/statusBar';", options: [LAYERS], errors: [{ messageId: 'layer' }] },
        { filename: file('src/host/dashboardPanel.ts'), code: "import { t } from '../webview/format';", options: [LAYERS], errors: [{ messageId: 'layer' }] },
        { filename: file('src/host/dashboardPanel.ts'), code: "const m = import('../webview/main');", options: [LAYERS], errors: [{ messageId: 'layer' }] },
        { filename: file('src/protocol.ts'), code: "import { h } from './host/api';", options: [LAYERS], errors: [{ messageId: 'layer' }] },
        { filename: file('src/extension.ts'), code: "import { w } from './webview/main';", options: [LAYERS], errors: [{ messageId: 'layer' }] },
      ],
  });
});
