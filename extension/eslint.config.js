// ESLint (flat config) for the extension's JavaScript; scripts/check-extension.sh runs it.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['node_modules/**'] },
  js.configs.recommended,
  {
    files: ['content/**/*.js', 'shared/**/*.js', 'options/**/*.js', 'popup/**/*.js', 'background/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.webextensions, cloneInto: 'readonly' },
    },
  },
  {
    files: ['build.mjs', 'package.mjs', 'eslint.config.js', 'test/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  {
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
];
