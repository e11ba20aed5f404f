import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for every `.graphql` operation of the portal, checked against the API's schema. */
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        // Scalars travel as JSON: DateTime as an ISO string, LocalDate as YYYY-MM-DD; any scalar added later is `unknown` until mapped here.
        scalars: { DateTime: 'string', LocalDate: 'string', JSON: 'unknown' },
        defaultScalarType: 'unknown',
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;
