import { readFileSync } from 'node:fs';
import { readmeExamples } from './examples';

const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
const embedded: string[] = JSON.parse(readFileSync(new URL('./examples.json', import.meta.url), 'utf8'));

describe('the IDE example tabs', () => {
  it('are the README example operations (after editing them: node tools/scripts/run-ts.mjs apps/gateway/src/ide/write-examples.ts)', () => {
    expect(embedded).toEqual(readmeExamples(readme));
  });

  it('split a block that lists several operations into one tab each, each under its own comment', () => {
    const markdown = 'text\n```graphql\n# mine\n{ a { id } }\n\n# theirs\n{ b }\n```\n```bash\nnpm start\n```\n```graphql\nquery Named { c }\n```\n';
    expect(readmeExamples(markdown)).toEqual(['# mine\n{ a { id } }', '# theirs\n{ b }', 'query Named { c }']);
  });
});
