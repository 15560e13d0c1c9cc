import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { parse, printSchema } from 'graphql';
import { localUrl, SUBGRAPHS } from './subgraphs';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const SUPERGRAPH_FILE = `${root}apps/gateway/supergraph.graphql`;
/** What clients see (no join directives, nothing inaccessible): the console's types are generated from it. */
export const API_SCHEMA_FILE = `${root}apps/console/schema.graphql`;

export function apiSchemaOf(supergraphSdl: string): string {
  return printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema());
}

/** Composes the committed subgraph SDLs; a composition error is returned, never hidden. */
export function composeSupergraph(): { supergraphSdl?: string; errors: string[] } {
  const services = SUBGRAPHS.map((s) => ({
    name: s.name,
    url: localUrl(s),
    typeDefs: parse(readFileSync(`${root}${s.app}/schema.graphql`, 'utf8')),
  }));
  const result = composeServices(services);
  if (result.errors?.length) return { errors: result.errors.map((e) => e.message) };
  return { supergraphSdl: result.supergraphSdl, errors: [] };
}

function main() {
  const { supergraphSdl, errors } = composeSupergraph();
  if (!supergraphSdl) {
    process.stderr.write(`Supergraph composition failed:\n${errors.map((e) => `  - ${e}`).join('\n')}\n`);
    process.exit(1);
  }
  const check = process.argv.includes('--check');
  const current = (() => {
    try {
      return readFileSync(SUPERGRAPH_FILE, 'utf8');
    } catch {
      return '';
    }
  })();
  if (check) {
    const api = (() => {
      try {
        return readFileSync(API_SCHEMA_FILE, 'utf8');
      } catch {
        return '';
      }
    })();
    if (current !== supergraphSdl || api !== apiSchemaOf(supergraphSdl)) {
      process.stderr.write('apps/gateway/supergraph.graphql is stale: run `npm run compose-supergraph`\n');
      process.exit(1);
    }
    process.stdout.write('supergraph is up to date\n');
    return;
  }
  writeFileSync(SUPERGRAPH_FILE, supergraphSdl);
  writeFileSync(API_SCHEMA_FILE, apiSchemaOf(supergraphSdl));
  process.stdout.write(`composed ${SUBGRAPHS.length} subgraph(s) into apps/gateway/supergraph.graphql\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
