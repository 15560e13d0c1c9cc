import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// The gateway serves the built console under /console/, so the console and the graph share an origin
// (no CORS locally); `vite` in dev proxies /graphql and /dev to a running gateway.
export default defineConfig({
  root,
  base: '/console/',
  plugins: [react()],
  // The manifest lets the budget test and `npm start` see what the first route loads.
  build: { outDir: fileURLToPath(new URL('../../dist/apps/console', import.meta.url)), emptyOutDir: true, sourcemap: true, manifest: true },
  server: {
    port: 4300,
    proxy: {
      '/graphql': process.env.CONSOLE_GATEWAY_URL ?? 'http://127.0.0.1:4000',
      '/dev': process.env.CONSOLE_GATEWAY_URL ?? 'http://127.0.0.1:4000',
    },
  },
});
