// Types for the plain-JS infra tool, so TypeScript tools (npm start, bench) can call it.
export interface InfraEndpoints {
  mongoUrl: string;
  kafkaBrokers: string;
  external: boolean;
}
export const DEFAULT_DATA_DIR: string;
/** transactionLifetimeLimitSeconds the embedded store is started with. */
export const TRANSACTION_LIFETIME_SECONDS: number;
export function up(opts?: { dataDir?: string; log?: (msg: string) => void; ownerPid?: number; embedded?: boolean }): Promise<InfraEndpoints>;
export function down(opts?: { dataDir?: string; log?: (msg: string) => void; only?: 'store' | 'kafka' }): Promise<{ stopped: string[] }>;
export function status(opts?: { dataDir?: string }): Promise<{ ready: boolean; external: boolean; mongoUrl?: string; kafkaBrokers?: string }>;
export function build(opts?: { log?: (msg: string) => void }): Promise<void>;
/** Sets the store's runtime parameters (the transaction lifetime) on the store at `url`. */
export function configureStore(url: string, log: (msg: string) => void): Promise<void>;
export function newKafkaClusterId(random?: (size: number) => Buffer): string;
