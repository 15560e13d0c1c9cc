import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { execute, getNamedType, GraphQLError, getOperationAST, isInputObjectType, typeFromAST, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Counter } from 'prom-client';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type Compiled = Pick<CompiledQuery, 'query'>;

/**
 * Executes each operation with a function graphql-jit compiled for it, instead of graphql-js walking the
 * document and the schema again on every request (a fifth of a subgraph's CPU on a page of centers).
 *
 * Apollo Server runs a "gateway" executor in place of its own `execute`, and only that: parsing,
 * validation (introspection refused in production), plugins, error formatting (`formatError`, the
 * 400 of a variable that does not coerce) and the response stay Apollo's. Resolvers are the schema's,
 * so Nest's guards, interceptors, pipes and exception filter run as before.
 *
 * Compiled functions are kept per parsed document. Apollo keeps the parsed, validated document of each
 * distinct query text in its bounded document store and hands the same object back, so the compiled
 * functions live as long as Apollo keeps the document and no second cache needs a bound of its own.
 * An operation graphql-jit refuses to compile runs on graphql-js, and so does one with a variable of an
 * input object type: graphql-jit 0.8.9 does not fill in an input field's default value when the object
 * comes in a variable (`staff` of an imported center, `[]` by default, is then "not provided"). Those are
 * mutations and filters, not the pages and lookups that are read all day.
 */
export function jitGateway(schemaOf: () => GraphQLSchema, executions: Counter<'executor'>): Gateway {
  const executedBy = { jit: executions.labels('jit'), plain: executions.labels('graphql-js') };
  const compiled = new WeakMap<DocumentNode, Map<string | undefined, Compiled | null>>();

  function compiledFor(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Compiled | null {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    let entry = byName.get(operationName);
    if (entry === undefined) {
      entry = takesInputObjects(schema, document, operationName) ? null : compile(schema, document, operationName);
      byName.set(operationName, entry);
    }
    return entry;
  }

  const listeners = new Set<Parameters<Gateway['onSchemaLoadOrUpdate']>[0]>();
  return {
    async load() {
      const schema = schemaOf();
      // The schema is built once at start and never changes: Apollo hears of it once, here.
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl: '' });
      return {
        schema,
        executor: async ({ document, request, context }) => {
          const operationName = request.operationName ?? undefined;
          const query = compiledFor(schema, document, operationName);
          const plain = () => {
            executedBy.plain.inc();
            return execute({ schema, document, contextValue: context, variableValues: request.variables, operationName });
          };
          if (!query) return plain();
          const result = (await query.query(undefined, context, request.variables ?? {})) as ExecutionResult;
          // No data at all means the request was refused before any resolver ran (a variable that does not
          // coerce): graphql-js says so in the words, and with the nodes, Apollo turns into a 400 BAD_USER_INPUT.
          if (result.data === undefined) return plain();
          executedBy.jit.inc();
          return result.errors?.some((e) => !e.extensions) ? { ...result, errors: result.errors.map(withExtensions) } : result;
        },
      };
    },
    onSchemaLoadOrUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {},
  };
}

function takesInputObjects(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): boolean {
  const operation = getOperationAST(document, operationName);
  return (operation?.variableDefinitions ?? []).some((v) => {
    const type = typeFromAST(schema, v.type as Parameters<typeof typeFromAST>[1]);
    return type !== undefined && isInputObjectType(getNamedType(type));
  });
}

function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Compiled | null {
  try {
    const result = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
    return isCompiledQuery(result) ? result : null;
  } catch {
    return null;
  }
}

/**
 * graphql-jit leaves `extensions` undefined on the error of a resolver that threw a plain error (a field
 * resolver of an entity, which Nest's exception filter does not reach, throws the typed DomainError as
 * it is). Apollo Server reads `extensions.code` of every error: such an error became "Internal server
 * error" instead of its FORBIDDEN. graphql-js's own GraphQLError takes the original's extensions, or an
 * empty object, as it would have for graphql-js; the message, path and locations are jit's.
 */
function withExtensions(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  const normalized = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined });
  (normalized as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return normalized;
}
