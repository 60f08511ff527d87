// Desktop VS Code runs the same in-host suite as code-server (`npm run test:desktop`), on any
// machine that can download VS Code. Build first: `npm run build && npm run compile-tests`.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig([
  {
    label: 'in-host',
    files: 'out/test/vscode/**/*.test.js',
    version: 'stable',
    workspaceFolder: './test/fixtures/workspace',
    launchArgs: ['--disable-extensions'],
    mocha: { ui: 'bdd', timeout: 20000 },
  },
]);
