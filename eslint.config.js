// Lint configuration: typescript-eslint recommended rules, formatting left to prettier.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'coverage/**', 'node_modules/**', 'tests/bench/results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'warn',
      'no-console': ['warn', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    // One zod: src/shared/zod.ts refuses malformed Unicode in every string and makes zod jitless.
    files: ['src/**', 'sw/**'],
    ignores: ['src/shared/zod.ts', 'src/shared/zod-wellformed.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: "import { z } from src/shared/zod.ts, not from 'zod'" }] },
      ],
    },
  },
  {
    files: ['tests/**', 'src/server/main.ts', 'tests/bench/**'],
    rules: { 'no-console': 'off' },
  },
);
