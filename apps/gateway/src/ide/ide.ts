import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Response } from 'express';

/**
 * The GraphQL IDE (GraphiQL 3) served by the gateway itself: the page at GET /graphql (Accept:
 * text/html) and its scripts and styles from the npm packages installed with the gateway, so it opens
 * in a network without internet. GraphiQL 3 is the last major with a prebuilt browser bundle (4 and
 * later need a bundler), and React 18 the last with UMD builds, which that bundle expects as globals.
 */
export const IDE_ASSET_PATH = '/ide/assets';

/** The README's example operations (see write-examples.ts), opened as tabs. */
const examples: string[] = JSON.parse(readFileSync(new URL('./examples.json', import.meta.url), 'utf8'));

const resolve = createRequire(import.meta.url).resolve;
const packageDir = (name: string) => dirname(resolve(`${name}/package.json`));

/** Served file name -> file in node_modules. Only these are served; nothing else of node_modules is reachable. */
const ASSETS: Record<string, string> = {
  'react.production.min.js': join(packageDir('react'), 'umd/react.production.min.js'),
  'react-dom.production.min.js': join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
  'graphiql.min.js': join(packageDir('graphiql'), 'graphiql.min.js'),
  'graphiql.min.css': join(packageDir('graphiql'), 'graphiql.min.css'),
  // graphiql.min.js names its source map index.umd.js.map; browser dev tools ask for it by that name.
  'index.umd.js.map': join(packageDir('graphiql'), 'graphiql.min.js.map'),
};

@Controller(IDE_ASSET_PATH.slice(1))
export class IdeAssets {
  @Get(':name')
  asset(@Param('name') name: string, @Res() res: Response): void {
    const file = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!file) throw new NotFoundException(`No IDE asset ${name}`);
    res.sendFile(file, { maxAge: '1h' });
  }
}

/** JSON placed inside a <script> element: `<` escaped so no string in it can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The page. The bearer token field above GraphiQL is kept for the browser tab (sessionStorage) and sent
 * as `authorization: Bearer <token>` with every request, the schema's introspection included, which
 * GraphiQL fetches again when the token changes. The README's example operations open as tabs.
 */
export function idePage(graphqlPath: string): string {
  const asset = (name: string) => `${IDE_ASSET_PATH}/${name}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>After-sales GraphQL IDE</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset('graphiql.min.css')}">
<style>
  html, body { height: 100%; margin: 0; }
  body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
  #token-bar { display: flex; gap: 8px; align-items: center; padding: 6px 12px; border-bottom: 1px solid #ddd; font-size: 14px; }
  #token { flex: 1; font-family: monospace; padding: 4px; }
  #graphiql { flex: 1; min-height: 0; }
</style>
</head>
<body>
<div id="token-bar">
  <label for="token">Bearer token</label>
  <input id="token" type="password" autocomplete="off" spellcheck="false" placeholder="a JWT, e.g. from: npm run token -- --role HQ_ADMIN">
  <span id="token-state"></span>
</div>
<div id="graphiql">Loading…</div>
<script src="${asset('react.production.min.js')}"></script>
<script src="${asset('react-dom.production.min.js')}"></script>
<script src="${asset('graphiql.min.js')}"></script>
<script>
(function () {
  var url = ${scriptJson(graphqlPath)};
  var examples = ${scriptJson(examples)};
  var input = document.getElementById('token');
  var state = document.getElementById('token-state');
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  input.value = sessionStorage.getItem('aftersales-ide-token') || '';

  function token() { return input.value.trim().replace(/^Bearer\\s+/i, ''); }

  function render() {
    var bearer = token();
    sessionStorage.setItem('aftersales-ide-token', bearer);
    state.textContent = bearer ? 'sent with every request' : 'none: only public fields answer';
    var fetcher = GraphiQL.createFetcher({
      url: url,
      fetch: function (resource, init) {
        var headers = new Headers((init && init.headers) || {});
        if (bearer && !headers.has('authorization')) headers.set('authorization', 'Bearer ' + bearer);
        return fetch(resource, Object.assign({}, init, { headers: headers }));
      },
    });
    root.render(React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: examples.map(function (query) { return { query: query }; }),
      defaultEditorToolsVisibility: false,
      shouldPersistHeaders: false,
    }));
  }

  input.addEventListener('change', render);
  render();
})();
</script>
</body>
</html>
`;
}

/** Apollo answers GET /graphql with Accept: text/html by this page instead of running an operation. */
export function ideLandingPagePlugin(graphqlPath: string): ApolloServerPlugin {
  const html = idePage(graphqlPath);
  return {
    async serverWillStart() {
      return { async renderLandingPage() { return { html }; } };
    },
  };
}
