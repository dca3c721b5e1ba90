// ESLint flat config (ESM). `npm run lint` runs this, then the dependency rules of
// .dependency-cruiser.cjs. typescript-eslint's `recommended` set applies to every TypeScript
// file; a handful of type-aware rules catch the mistakes that matter most in a NestJS + TypeORM
// code base (a promise nobody awaits, an `await` on something that is not a promise). Type
// information comes from the TypeScript project service (tsconfig.json), which covers src/,
// migrations/, test/ and bench/.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'bench/results/**', 'web/vite.config.ts', 'web/src/api/schema.d.ts'],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommended],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Nest modules are decorated empty classes (`@Module({...}) export class UsersModule {}`).
      '@typescript-eslint/no-extraneous-class': 'off',
      // Type-aware checks worth their cost.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    // TypeORM takes migrations as a list of classes: `Function[]` is its own type for them.
    files: ['migrations/index.ts'],
    rules: { '@typescript-eslint/no-unsafe-function-type': 'off' },
  },
  {
    // Plain JavaScript: the configs at the root and the benchmark runner (ESM, Node globals).
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.recommended],
    rules: {
      'no-var': 'error',
      'prefer-const': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
