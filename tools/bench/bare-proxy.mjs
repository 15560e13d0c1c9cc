// The floor a gateway's cost per request is judged against, for `npm run bench -- gateway-cpu --entry
// dist/apps/gateway/main.js --entry tools/bench/bare-proxy.mjs`: Node's HTTP server passing each POST to
// the network subgraph with undici and its answer back, nothing checked. Never a gateway to run.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { Pool } from 'undici';

const sdl = readFileSync(process.env.SUPERGRAPH_FILE, 'utf8');
const network = new URL(/@join__graph\(name: "network", url: "([^"]+)"\)/.exec(sdl)[1]);
const pool = new Pool(network.origin, { connections: 16 });

http
  .createServer((req, res) => {
    // Readiness and anything else: the bench only waits for a 200.
    if (req.method !== 'POST') return void res.end('ok');
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
      const answer = await pool.request({
        path: network.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: req.headers.authorization },
        body: Buffer.concat(chunks),
      });
      const text = await answer.body.text();
      res.writeHead(answer.statusCode, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
