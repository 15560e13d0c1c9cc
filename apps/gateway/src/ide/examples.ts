import { Kind, parse } from 'graphql';

/**
 * The README's example operations, one per anonymous operation: a ```graphql block may list several to
 * try one by one, each under its own `#` comment. The comment stays in the query, so the tab says what
 * it is for.
 */
export function readmeExamples(markdown: string): string[] {
  const examples: string[] = [];
  for (const block of markdown.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    const source = block[1];
    let start = 0;
    for (const definition of parse(source).definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.loc) continue;
      examples.push(source.slice(start, definition.loc.end).trim());
      start = definition.loc.end;
    }
  }
  return examples;
}
