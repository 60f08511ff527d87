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
        // Node's modules only in host/node, which only the Node entry point composes.
        { filename: file('src/host/node/localFileWrite.ts'), code: "import { promises } from 'node:fs'; import { ReadOnlyFileError } from '../atomicFile';", options: [LAYERS] },
        { filename: file('src/extension.node.ts'), code: "import { gitCli } from './host/node/gitCli'; import { activateOn } from './extension';", options: [LAYERS] },
        { filename: file('src/extension.web.ts'), code: "import { writeThroughWorkspaceFs } from './host/atomicFile'; import { activateOn } from './extension';", options: [LAYERS] },
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
        // Whatever the browser build bundles may not need Node (see webBundle.test.ts for the bundle itself).
        { filename: file('src/host/mirrorFolder.ts'), code: "import { promises } from 'node:fs';", options: [LAYERS], errors: [{ messageId: 'package' }] },
        { filename: file('src/host/workspaceHistory.ts'), code: "import { randomBytes } from 'crypto';", options: [LAYERS], errors: [{ messageId: 'package' }] },
        { filename: file('src/core/history/model.ts'), code: "import { join } from 'node:path/posix';", options: [LAYERS], errors: [{ messageId: 'package' }] },
        { filename: file('src/host/workspaceIdentity.ts'), code: "import { gitCli } from './node/gitCli';", options: [LAYERS], errors: [{ messageId: 'layer' }] },
        { filename: file('src/extension.ts'), code: "import { nodeAtomicWriter } from './host/node/localFileWrite';", options: [LAYERS], errors: [{ messageId: 'layer' }] },
        { filename: file('src/extension.web.ts'), code: "import { gitCli } from './host/node/gitCli';", options: [LAYERS], errors: [{ messageId: 'layer' }] },
        { filename: file('src/extension.web.ts'), code: "import { execFile } from 'node:child_process';", options: [LAYERS], errors: [{ messageId: 'package' }] },
      ],
  });
});
