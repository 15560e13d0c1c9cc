import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GATEWAY_PORT, SUBGRAPHS } from './subgraphs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(`${ROOT}${file}`, 'utf8');
const units = [...SUBGRAPHS.map((s) => ({ name: s.name, port: s.port })), { name: 'gateway', port: GATEWAY_PORT }];
const urlVariable = (name: string) => `SUBGRAPH_${name.toUpperCase().replace(/-/g, '_')}_URL`;

/** A service added to the graph must also be deployable on its own: image, compose entry, manifests. */
describe.each(units)('$name deploys on its own', ({ name, port }) => {
  it('has its own Dockerfile that builds its artifact as `nx build` does and runs it with plain Node', () => {
    const dockerfile = read(`docker/${name}.Dockerfile`);
    expect(dockerfile).toContain(`COPY apps/${name}/ apps/${name}/`);
    expect(dockerfile.match(/COPY apps\//g)).toHaveLength(1);
    const { targets } = JSON.parse(read(`apps/${name}/project.json`)) as { targets: { build: { options: { command: string } } } };
    expect(dockerfile).toContain(`RUN ${targets.build.options.command}\n`);
    expect(dockerfile).toContain(`COPY --from=build /src/dist/apps/${name}/ ./`);
    expect(dockerfile).toContain('CMD ["node", "--enable-source-maps", "main.js"]');
    expect(dockerfile).not.toContain('swc-node');
    expect(dockerfile).toContain(`PORT=${port}`);
    expect(dockerfile).toContain('/health/ready');
  });

  it('has a compose service and a Kubernetes manifest on its port', () => {
    const compose = read('docker/compose.yaml');
    expect(compose).toContain(`dockerfile: docker/${name}.Dockerfile`);
    expect(compose).toContain(`"${port}:${port}"`);
    expect(existsSync(`${ROOT}docker/k8s/${name}.yaml`)).toBe(true);
    const manifest = read(`docker/k8s/${name}.yaml`);
    expect(manifest).toContain(`containerPort: ${port}`);
    expect(manifest).toContain('path: /health/ready');
  });
});

describe('the gateway reaches every subgraph in compose and Kubernetes', () => {
  it.each(SUBGRAPHS.map((s) => [s.name, s.port] as const))('%s', (name, port) => {
    const line = `${urlVariable(name)}: http://${name}:${port}/graphql`;
    expect(read('docker/compose.yaml')).toContain(line);
    expect(read('docker/k8s/gateway.yaml')).toContain(line);
  });
});
