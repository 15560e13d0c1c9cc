// Module boundaries are the architecture: services never import each other, domain code stays pure,
// and the testing harness is for tests only. Run with `npm run lint`.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const shared = [
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:domain'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:domain', 'type:testing'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:network', onlyDependOnLibsWithTags: ['scope:network', 'scope:shared'] },
  { sourceTag: 'scope:calls', onlyDependOnLibsWithTags: ['scope:calls', 'scope:shared'] },
  { sourceTag: 'scope:job-orders', onlyDependOnLibsWithTags: ['scope:job-orders', 'scope:shared'] },
  { sourceTag: 'scope:complaints', onlyDependOnLibsWithTags: ['scope:complaints', 'scope:shared'] },
  { sourceTag: 'scope:workshop', onlyDependOnLibsWithTags: ['scope:workshop', 'scope:shared'] },
  { sourceTag: 'scope:parts', onlyDependOnLibsWithTags: ['scope:parts', 'scope:shared'] },
  { sourceTag: 'scope:surveys', onlyDependOnLibsWithTags: ['scope:surveys', 'scope:shared'] },
  { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
  { sourceTag: 'scope:hq', onlyDependOnLibsWithTags: ['scope:hq', 'scope:shared'] },
  { sourceTag: 'scope:notifications', onlyDependOnLibsWithTags: ['scope:notifications', 'scope:shared'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:tools', 'scope:shared'] },
  { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:console'] },
];

const boundaries = (appTypes, constraints = shared) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: appTypes },
      { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:tooling', 'type:testing', ...appTypes] },
      ...constraints,
    ],
  },
];

// The console's pages run in a browser and import nothing of the platform; its browser suite
// (apps/console/test) starts the whole system, so it may use the testing harness.
const consoleSuite = shared.map((c) => (c.sourceTag === 'scope:console' ? { ...c, onlyDependOnLibsWithTags: ['scope:console', 'scope:shared'] } : c));

const TESTS = ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts'];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.cache/**', '**/.data/**', '**/*.js', '**/*.mjs', 'apps/console/src/gql/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': boundaries(['type:contracts', 'type:platform', 'type:domain']),
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // SWC records a union parameter type as Object, and the validation pipe skips an argument whose
    // type is Object: `@Args(...) filter: Filter | undefined` would reach the resolver unchecked.
    files: ['apps/*/src/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Identifier:has(Decorator CallExpression[callee.name='Args']) > TSTypeAnnotation > TSUnionType:has(TSTypeReference)",
          message: 'an @Args input typed as a union is not validated (SWC emits Object): type it as the class alone (`filter: Filter` or `filter?: Filter`)',
        },
      ],
    },
  },
  {
    files: TESTS,
    rules: {
      '@nx/enforce-module-boundaries': boundaries(['type:contracts', 'type:platform', 'type:domain', 'type:testing']),
    },
  },
  {
    files: ['apps/console/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(['type:contracts', 'type:platform', 'type:domain', 'type:testing'], consoleSuite),
    },
  },
];
