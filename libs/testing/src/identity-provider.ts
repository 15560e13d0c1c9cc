import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import type { TokenSpec } from './tokens';
import { TEST_JWT } from './infra';

export type ProviderAlg = 'RS256' | 'ES256';

interface ProviderKey {
  alg: ProviderAlg;
  privateKey: KeyLike;
  publicJwk: JWK;
  published: boolean;
}

export interface ProviderTokenSpec extends TokenSpec {
  /** The key that signs (default: the first key created). */
  kid?: string;
  issuer?: string;
  audience?: string;
}

/**
 * An identity provider as production has one: signing keys of its own, the public halves served as
 * a JSON Web Key Set over HTTP (`jwksUrl`), keys it can add and withdraw (rotation). It writes the
 * same claims the platform reads (`sub`, `roles`, `centers`, `regions`) and counts how often its key
 * set is fetched.
 */
export class TestIdentityProvider {
  private readonly keys = new Map<string, ProviderKey>();
  private fetchCount = 0;
  private available = true;

  private constructor(
    private readonly server: Server,
    readonly jwksUrl: string,
  ) {}

  static async start(): Promise<TestIdentityProvider> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const provider = new TestIdentityProvider(server, `http://127.0.0.1:${port}/.well-known/jwks.json`);
    server.on('request', (req, res) => {
      if (req.url !== '/.well-known/jwks.json') return void res.writeHead(404).end();
      provider.fetchCount++;
      if (!provider.available) return void res.writeHead(503).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: provider.publishedKeys() }));
    });
    return provider;
  }

  /** A new key pair; its public half is in the key set unless `publish: false` (an attacker's key). */
  async createKey(alg: ProviderAlg, opts: { kid?: string; publish?: boolean } = {}): Promise<string> {
    const kid = opts.kid ?? `${alg.toLowerCase()}-${this.keys.size + 1}`;
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
    this.keys.set(kid, { alg, privateKey, publicJwk, published: opts.publish ?? true });
    return kid;
  }

  publish(kid: string): void {
    this.key(kid).published = true;
  }

  withdraw(kid: string): void {
    this.key(kid).published = false;
  }

  publicJwk(kid: string): JWK {
    return this.key(kid).publicJwk;
  }

  /** While false the key set URL answers 503. */
  setAvailable(available: boolean): void {
    this.available = available;
  }

  fetches(): number {
    return this.fetchCount;
  }

  /** A token signed by one of this provider's keys, with the platform's claims. `expiresIn: -60` is expired. */
  sign(spec: ProviderTokenSpec): Promise<string> {
    const kid = spec.kid ?? [...this.keys.keys()][0];
    if (!kid) throw new Error('the provider has no key yet: createKey first');
    const key = this.key(kid);
    const expiresIn = typeof spec.expiresIn === 'number' ? Math.floor(Date.now() / 1000) + spec.expiresIn : (spec.expiresIn ?? '1h');
    return new SignJWT({ roles: [spec.role], centers: spec.centers ?? [], regions: spec.regions ?? [] })
      .setProtectedHeader({ alg: key.alg, kid, typ: 'JWT' })
      .setSubject(spec.subject ?? `${spec.role.toLowerCase()}-user`)
      .setIssuer(spec.issuer ?? TEST_JWT.issuer)
      .setAudience(spec.audience ?? TEST_JWT.audience)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(key.privateKey);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private publishedKeys(): JWK[] {
    return [...this.keys.values()].filter((k) => k.published).map((k) => k.publicJwk);
  }

  private key(kid: string): ProviderKey {
    const key = this.keys.get(kid);
    if (!key) throw new Error(`no key ${kid}`);
    return key;
  }
}
