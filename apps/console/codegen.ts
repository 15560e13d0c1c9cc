import type { CodegenConfig } from '@graphql-codegen/cli';

// Types come from the supergraph's API schema (`npm run schema` rewrites it), so a query the graph
// cannot answer fails the build, not the user.
const config: CodegenConfig = {
  schema: 'apps/console/schema.graphql',
  documents: ['apps/console/src/**/*.tsx', 'apps/console/src/**/*.ts', '!apps/console/src/gql/**'],
  generates: {
    'apps/console/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: { unmaskFunctionName: 'useFragment' } },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string', Date: 'string', JSON: 'unknown' } },
    },
  },
  ignoreNoDocuments: true,
};
export default config;
