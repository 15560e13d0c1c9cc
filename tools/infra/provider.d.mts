// Types for the plain-JS infrastructure choice, so TypeScript tools (npm start) and tests can call it.
export type InfraKind = 'embedded' | 'containers' | 'external';
export const INFRA_KINDS: readonly InfraKind[];
export const CONTAINER_IMAGES: { mongo: string; kafka: string };
export function chooseInfra(opts: { env: NodeJS.ProcessEnv; docker: boolean; containersRequested?: boolean }): { kind: InfraKind; reason: string };
export function dockerEngineReachable(env?: NodeJS.ProcessEnv, timeoutMs?: number): Promise<boolean>;
export function provision(opts: {
  dataDir: string;
  log: (msg: string) => void;
  ownerPid?: number;
  containersRequested?: boolean;
  env?: NodeJS.ProcessEnv;
}): Promise<{ kind: InfraKind; reason: string; mongoUrl: string; kafkaBrokers: string; stop: () => Promise<void> }>;
