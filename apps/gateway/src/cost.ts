import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isCompositeType,
  isListType,
  Kind,
  valueFromAST,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { scopeKindOf, type Principal, type ScopeKind } from '@aftersales/platform-auth';

const SCALAR = 1;
const OBJECT = 2;
const DEPTH_FACTOR = 1.5;

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  /** Coerced as execution will see them: defaults applied. */
  variables: Record<string, unknown>;
}

/**
 * What an operation may cost: a scalar 1, an object 2 plus 1.5 times its selections, times the number
 * of items a list field can return. That number is read the same whether it is written in the query or
 * passed as a variable (a limit that only counts literals is one `$first` away from being bypassed),
 * and an argument left out counts with its schema default: `first`/`last` of a page, or the length of
 * a list of keys (`ids`, `partNumbers`) a list field answers one item each for. Fragments count as if
 * their selections were written in place.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): number {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  // Variables that do not coerce fail the request anyway; costing them as given is enough until then.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  return selectionsCost({ schema, fragments, variables: coerced.coerced ?? variables }, operation.selectionSet, root ?? undefined, new Set());
}

function selectionsCost(walk: Walk, set: SelectionSetNode, parent: GraphQLCompositeType | undefined, spreading: ReadonlySet<string>): number {
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value === '__schema' || sel.name.value === '__type') continue;
      const def = parent && 'getFields' in parent ? parent.getFields()[sel.name.value] : undefined;
      if (!sel.selectionSet) {
        cost += SCALAR;
        continue;
      }
      const type = def ? getNamedType(def.type) : undefined;
      const inner = OBJECT + DEPTH_FACTOR * selectionsCost(walk, sel.selectionSet, type && isCompositeType(type) ? type : undefined, spreading);
      cost += inner * itemsOf(walk, def, sel.arguments ?? []);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const type = sel.typeCondition ? walk.schema.getType(sel.typeCondition.name.value) : parent;
      cost += selectionsCost(walk, sel.selectionSet, type && isCompositeType(type) ? type : parent, spreading);
    } else {
      const name = sel.name.value;
      const fragment = walk.fragments[name];
      // A fragment that spreads itself is refused by validation; here it must only not loop.
      if (!fragment || spreading.has(name)) continue;
      const type = walk.schema.getType(fragment.typeCondition.name.value);
      cost += selectionsCost(walk, fragment.selectionSet, type && isCompositeType(type) ? type : parent, new Set([...spreading, name]));
    }
  }
  return cost;
}

/** How many items a field can return: its page size, or the number of keys it was given. */
function itemsOf(walk: Walk, def: GraphQLField<unknown, unknown> | undefined, args: readonly { name: { value: string }; value: ValueNode }[]): number {
  if (!def) return 1;
  const returnsList = isListType(getNullableType(def.type));
  let items = 1;
  for (const arg of def.args) {
    const given = args.find((a) => a.name.value === arg.name);
    const value = (given && valueFromAST(given.value, arg.type, walk.variables)) ?? arg.defaultValue;
    if ((arg.name === 'first' || arg.name === 'last') && typeof value === 'number') items = Math.max(items, value);
    else if (returnsList && isListType(getNullableType(arg.type)) && Array.isArray(value)) items = Math.max(items, value.length);
  }
  return items;
}

export type CostLimits = Record<ScopeKind, number>;

/** The limit of a caller: what its scope can see bounds what it may reasonably ask for at once. */
export function costLimitOf(limits: CostLimits, principal: Principal | undefined): number {
  return principal ? limits[scopeKindOf(principal)] : limits.centers;
}

// An operation without variables costs the same every time: Apollo Server hands over the same parsed
// document for the same query text (and the gateway's shortcut keeps that one), so its cost is computed once.
const constantCosts = new WeakMap<OperationDefinitionNode, number>();

/** `operationCost` of an operation of this parsed document, computed once when it has no variables. */
export function documentOperationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  let cost = constantCosts.get(operation);
  if (cost === undefined) {
    const fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
    cost = operationCost(schema, operation, fragments, variables);
    if (!operation.variableDefinitions?.length) constantCosts.set(operation, cost);
  }
  return cost;
}

/**
 * Refuses an operation above its caller's limit before any subgraph is asked, as a validation error
 * (400, GRAPHQL_VALIDATION_FAILED) whose message names the limit and the cost found, so a client can
 * page accordingly. It runs once the operation is known, because the cost depends on the variables
 * and the limit on the caller, neither of which a validation rule sees.
 */
export function costLimitPlugin(limits: CostLimits): ApolloServerPlugin<{ principal?: Principal }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request, contextValue }) {
          if (!operation) return;
          const cost = documentOperationCost(schema, document, operation, request.variables ?? {});
          const limit = costLimitOf(limits, contextValue.principal);
          if (cost > limit) {
            throw new GraphQLError(`Query Cost limit of ${limit} exceeded, found ${cost}.`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, cost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
