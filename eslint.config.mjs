// One lint configuration for the workspace. The module-boundary rule is what keeps the
// engines independent of the cmdlet host: engines never import an interface package.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.nx/**', '**/out/**', '**/.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          banTransitiveDependencies: true,
          depConstraints: [
            { sourceTag: 'type:engine', onlyDependOnLibsWithTags: ['type:engine'] },
            { sourceTag: 'type:interface', onlyDependOnLibsWithTags: ['type:engine', 'type:interface'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:engine', 'type:tool'] },
            { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['type:engine', 'type:interface', 'type:tool', 'type:test'] },
            { sourceTag: 'scope:core', onlyDependOnLibsWithTags: ['scope:core'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@pcmig/*/src/*', '@pcmig/*/dist/*'], message: 'Import a package through its public API (its src/index.ts), never a deep path.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
