// ESLint (flat config) for the extension's JavaScript; scripts/check-extension.sh runs it.
import js from '@eslint/js';
import globals from 'globals';

// DOM properties and methods that parse a string as HTML (or script).
const HTML_SINKS = ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'createContextualFragment', 'setHTMLUnsafe', 'parseHTMLUnsafe', 'srcdoc'];

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
  {
    // Post text, policy text (school name, messages, pupil names) and finding text must reach
    // the DOM as text only (textContent, createTextNode, attributes), never as markup: no
    // HTML parser is reachable from the extension's own code, not even with a constant,
    // so a later edit cannot slip post or policy text into one (issue 14; tests/e2e/tests/
    // hostile.test.js checks the result in the page, the popup and the options page).
    files: ['content/**/*.js', 'shared/**/*.js', 'options/**/*.js', 'popup/**/*.js', 'background/**/*.js'],
    rules: {
      'no-restricted-properties': ['error',
        ...HTML_SINKS.map((property) => ({ property, message: `${property} parses markup: build nodes and set text with textContent (post and policy text is never markup)` })),
        { object: 'document', property: 'write', message: 'document.write parses markup' },
        { object: 'document', property: 'writeln', message: 'document.writeln parses markup' },
      ],
      'no-restricted-syntax': ['error',
        // The same sinks written as computed keys (el['innerHTML'] = ...) or destructured.
        ...HTML_SINKS.map((name) => ({ selector: `MemberExpression[computed=true] > Literal[value="${name}"]`, message: `${name} parses markup` })),
        ...HTML_SINKS.map((name) => ({ selector: `Property[key.name="${name}"], Property[key.value="${name}"]`, message: `${name} parses markup (Object.assign / defineProperty / destructuring)` })),
        { selector: 'NewExpression[callee.name="DOMParser"]', message: 'DOMParser parses markup' },
        { selector: "CallExpression[callee.name=/^(setTimeout|setInterval)$/] > Literal.arguments:first-child", message: 'a string timer is eval' },
        { selector: "CallExpression[callee.name='eval'], NewExpression[callee.name='Function']", message: 'no code from strings' },
      ],
    },
  },
];
