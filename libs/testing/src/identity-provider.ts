import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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
/** A sign-in the provider is part way through: the code it handed out, for whom, bound to the PKCE challenge. */
interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce?: string;
  user: ProviderTokenSpec;
}

export class TestIdentityProvider {
  private readonly keys = new Map<string, ProviderKey>();
  private fetchCount = 0;
  private available = true;
  /** Registered public clients (OIDC sign-in): client id -> allowed redirect URIs. */
  private readonly clients = new Map<string, string[]>();
  private readonly codes = new Map<string, PendingCode>();
  private readonly refreshTokens = new Map<string, { clientId: string; user: ProviderTokenSpec }>();
  private user: ProviderTokenSpec | null = null;
  /** How long the access tokens of the sign-in flow live, in seconds. */
  accessTokenSeconds = 3600;

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
      if (req.url === '/.well-known/jwks.json') {
        provider.fetchCount++;
        if (!provider.available) return void res.writeHead(503).end();
        return void res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify({ keys: provider.publishedKeys() }));
      }
      provider.signInFlow(req, res).catch((e: Error) => res.writeHead(500).end(e.message));
    });
    return provider;
  }

  /** The issuer of the OIDC sign-in flow (its discovery document is at `<issuer>/.well-known/openid-configuration`). */
  get issuer(): string {
    return this.jwksUrl.replace('/.well-known/jwks.json', '');
  }

  /** A public client (no secret, PKCE required) allowed to come back to these redirect URIs. */
  registerClient(clientId: string, redirectUris: string[]): void {
    this.clients.set(clientId, redirectUris);
  }

  /**
   * Who the next visits of the authorization endpoint are signed in as: this provider has no login
   * page, the test decides. Their access tokens carry the platform's claims (and `TEST_JWT`'s issuer
   * and audience, as the gateway expects), signed by this provider's first key.
   */
  signInAs(user: ProviderTokenSpec): void {
    this.user = user;
  }

  /**
   * The authorization code flow with PKCE (RFC 6749, RFC 7636) for public clients, as much of OpenID
   * Connect Discovery as a browser client reads, and the refresh token grant. CORS is open: a browser
   * page of another origin calls the token endpoint.
   */
  private async signInFlow(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.issuer);
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type, authorization' };
    const json = (status: number, body: object) => res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...cors }).end(JSON.stringify(body));
    if (req.method === 'OPTIONS') return void res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, POST' }).end();
    if (url.pathname === '/.well-known/openid-configuration') {
      return void json(200, {
        issuer: this.issuer,
        authorization_endpoint: `${this.issuer}/authorize`,
        token_endpoint: `${this.issuer}/token`,
        jwks_uri: this.jwksUrl,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code', 'refresh_token'],
        code_challenge_methods_supported: ['S256'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256', 'ES256'],
        token_endpoint_auth_methods_supported: ['none'],
      });
    }
    if (url.pathname === '/authorize' && req.method === 'GET') {
      const q = Object.fromEntries(url.searchParams);
      const redirects = this.clients.get(q.client_id ?? '');
      if (!redirects || !redirects.includes(q.redirect_uri ?? '')) return void res.writeHead(400).end('unknown client or redirect_uri');
      const back = new URL(q.redirect_uri);
      const fail = (error: string) => {
        back.searchParams.set('error', error);
        if (q.state) back.searchParams.set('state', q.state);
        res.writeHead(302, { location: back.toString() }).end();
      };
      if (q.response_type !== 'code') return fail('unsupported_response_type');
      if (q.code_challenge_method !== 'S256' || !q.code_challenge) return fail('invalid_request');
      if (!this.user) return fail('access_denied');
      const code = randomBytes(16).toString('base64url');
      this.codes.set(code, { clientId: q.client_id, redirectUri: q.redirect_uri, challenge: q.code_challenge, nonce: q.nonce, user: this.user });
      back.searchParams.set('code', code);
      if (q.state) back.searchParams.set('state', q.state);
      return void res.writeHead(302, { location: back.toString() }).end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const f = Object.fromEntries(new URLSearchParams(body));
      if (f.grant_type === 'authorization_code') {
        const pending = this.codes.get(f.code ?? '');
        // A code is redeemed once, by the client it was issued to, with the verifier of its challenge.
        this.codes.delete(f.code ?? '');
        const verified = pending && createHash('sha256').update(f.code_verifier ?? '').digest('base64url') === pending.challenge;
        if (!pending || pending.clientId !== f.client_id || pending.redirectUri !== f.redirect_uri || !verified) return void json(400, { error: 'invalid_grant' });
        return void json(200, await this.tokens(pending.clientId, pending.user, pending.nonce));
      }
      if (f.grant_type === 'refresh_token') {
        const known = this.refreshTokens.get(f.refresh_token ?? '');
        this.refreshTokens.delete(f.refresh_token ?? '');
        if (!known || known.clientId !== f.client_id) return void json(400, { error: 'invalid_grant' });
        return void json(200, await this.tokens(known.clientId, known.user));
      }
      return void json(400, { error: 'unsupported_grant_type' });
    }
    res.writeHead(404).end();
  }

  private async tokens(clientId: string, user: ProviderTokenSpec, nonce?: string) {
    const kid = user.kid ?? [...this.keys.keys()][0];
    const key = this.key(kid);
    const refresh = randomBytes(24).toString('base64url');
    this.refreshTokens.set(refresh, { clientId, user });
    const idToken = await new SignJWT({ ...(nonce ? { nonce } : {}) })
      .setProtectedHeader({ alg: key.alg, kid, typ: 'JWT' })
      .setSubject(user.subject ?? `${user.role.toLowerCase()}-user`)
      .setIssuer(this.issuer)
      .setAudience(clientId)
      .setIssuedAt()
      .setExpirationTime(`${this.accessTokenSeconds}s`)
      .sign(key.privateKey);
    return {
      token_type: 'Bearer',
      access_token: await this.sign({ ...user, expiresIn: `${this.accessTokenSeconds}s` }),
      expires_in: this.accessTokenSeconds,
      id_token: idToken,
      refresh_token: refresh,
      scope: 'openid profile',
    };
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
