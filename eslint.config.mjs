// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.vscode-test/**', 'test-output/**', 'node_modules/**', 'test/fixtures/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      curly: 'error',
    },
  },
  {
    // The core is pure TypeScript: deterministic, testable under plain Node, shared with the webview.
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core must not import vscode: pass what it needs in.', allowTypeImports: false }],
        patterns: [{ group: ['../host/*', '../../host/*', '../webview/*', '../../webview/*', '../extension'], message: 'src/core must not depend on host, webview or the extension.' }],
      }],
    },
  },
  {
    // Activation and the keystroke path must never block the extension host on the file system.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.property.name=/Sync$/][callee.object.name=/^(fs|fsSync)$/]",
        message: 'No synchronous file-system calls in the extension: use vscode.workspace.fs or fs/promises.',
      }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
