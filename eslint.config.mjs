// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { LAYERS, layersRule } from './eslint/layers.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.vscode-test/**', 'test-output/**', 'node_modules/**', 'test/fixtures/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './src/webview/tsconfig.json', './test/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { local: { rules: { layers: layersRule } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      curly: 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'local/layers': ['error', LAYERS],
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 60 }],
      // Activation and the keystroke path must never block the extension host on the file system.
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
