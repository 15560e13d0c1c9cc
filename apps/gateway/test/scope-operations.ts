import { readFileSync } from 'node:fs';
import {
  buildASTSchema,
  getNamedType,
  isInputObjectType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * What the schema-wide scope test reads from the composed supergraph: which root operations take an
 * id of something (a center, a location, an object), and how to write a request for any of them.
 */

export function loadSupergraph(file = new URL('../supergraph.graphql', import.meta.url)): GraphQLSchema {
  return buildASTSchema(parse(readFileSync(file, 'utf8')), { assumeValidSDL: true });
}

/**
 * `serviceCenterId`, `locationIds`, `id`, `jobOrderId`, ...: the names that carry an id whatever their
 * type; and `vin`, which identifies a customer's vehicle as surely as an id does.
 */
const ID_NAME = /(^id$|^ids$|Id$|Ids$|^vin$)/;

export interface IdOperation {
  name: string;
  kind: 'query' | 'mutation';
  /** The argument paths that carry an id, e.g. `input.serviceCenterIds`. */
  idPaths: string[];
}

function idPaths(name: string, type: GraphQLInputType, prefix: string, seen: ReadonlySet<string>): string[] {
  const named = getNamedType(type);
  const path = prefix ? `${prefix}.${name}` : name;
  const found = named.name === 'ID' || ID_NAME.test(name) ? [path] : [];
  if (isInputObjectType(named) && !seen.has(named.name)) {
    const inner = new Set(seen).add(named.name);
    for (const field of Object.values(named.getFields())) found.push(...idPaths(field.name, field.type, path, inner));
  }
  return found;
}

/** Every query and mutation with an id among its arguments, directly or inside an input object at any depth. */
export function idOperations(schema: GraphQLSchema): IdOperation[] {
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  return roots.flatMap(([kind, root]) =>
    Object.values(root?.getFields() ?? {})
      .map((field) => ({ name: field.name, kind, idPaths: field.args.flatMap((arg) => idPaths(arg.name, arg.type, '', new Set())) }))
      .filter((op) => op.idPaths.length > 0),
  );
}

export function rootField(schema: GraphQLSchema, name: string): { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> } {
  const query = schema.getQueryType()?.getFields()[name];
  if (query) return { kind: 'query', field: query };
  const mutation = schema.getMutationType()?.getFields()[name];
  if (mutation) return { kind: 'mutation', field: mutation };
  throw new Error(`${name} is neither a query nor a mutation of the supergraph`);
}

const required = (arg: GraphQLArgument) => isNonNullType(arg.type) && arg.defaultValue === undefined;

/** Wrappers of a page: what they hold is read as if it stood in their place. */
const PAGE_WRAPPERS = new Set(['edges', 'node', 'items']);

/**
 * Every leaf field of the type, and the leaves of the objects one level down (fields that need
 * arguments are left out; page wrappers do not count as a level): enough to see whatever the operation
 * would let out, within the cost limit.
 */
export function selection(type: GraphQLOutputType, depth = 1): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const parts: string[] = [];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some(required)) continue;
    if (isLeafType(getNamedType(field.type))) parts.push(field.name);
    else if (PAGE_WRAPPERS.has(field.name)) parts.push(`${field.name} ${selection(field.type, depth)}`);
    else if (depth > 0) parts.push(`${field.name} ${selection(field.type, depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/** `query($id: ID!) { jobOrder(id: $id) { ... } }` for the arguments given, each passed as a variable. */
export function operationDocument(schema: GraphQLSchema, name: string, args: Record<string, unknown>): string {
  const { kind, field } = rootField(schema, name);
  const unknown = Object.keys(args).filter((a) => !field.args.some((f) => f.name === a));
  if (unknown.length) throw new Error(`${name} has no argument ${unknown.join(', ')}`);
  const used = field.args.filter((a) => a.name in args);
  const missing = field.args.filter((a) => required(a) && !(a.name in args));
  if (missing.length) throw new Error(`${name} needs ${missing.map((a) => a.name).join(', ')}`);
  const vars = used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind}${vars ? `(${vars})` : ''} { ${name}${call ? `(${call})` : ''} ${selection(field.type)} }`;
}
