// oidc-provider 9 ships no type declarations (and @types/oidc-provider lags behind it). These cover only the parts of
// its API that the sandbox uses, so the rest of the sandbox stays type-checked without adding a dependency.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  /** The Koa context as oidc-provider's middleware sees it (only what the sandbox reads or writes). */
  export interface KoaContextWithOIDC {
    path: string;
    method: string;
    status: number;
    body: unknown;
    oidc?: OIDCContext;
  }

  export interface OIDCContext {
    readonly route?: string;
    readonly params?: Readonly<Record<string, unknown>>;
    readonly entities: {
      readonly AccessToken?: AccessToken;
      readonly AuthorizationCode?: { readonly scope?: string; readonly grantId?: string };
      readonly Grant?: Grant;
    };
  }

  export type Middleware = (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>;

  export interface AccessToken {
    readonly jti: string;
    readonly accountId?: string;
    readonly grantId?: string;
    readonly clientId?: string;
    readonly scope?: string;
    readonly aud?: string | readonly string[];
    readonly exp?: number;
    readonly isExpired: boolean;
    readonly extra?: Readonly<Record<string, unknown>>;
  }

  export interface Grant {
    readonly jti: string;
    accountId?: string;
    clientId?: string;
    addOIDCScope(scope: string): void;
    rejectOIDCScope(scope: string): void;
    addResourceScope(resource: string, scope: string): void;
    rejectResourceScope(resource: string, scope: string): void;
    save(ttl?: number): Promise<string>;
  }

  export interface Interaction {
    readonly uid: string;
    readonly prompt: { readonly name: string; readonly reasons: readonly string[] };
    readonly params: Readonly<Record<string, unknown>>;
    readonly session?: { readonly accountId?: string };
    readonly grantId?: string;
  }

  export type InteractionResults =
    { login: { accountId: string }; consent: { grantId: string } } | { error: string; error_description?: string };

  export interface AccountClaims {
    sub: string;
    [claim: string]: unknown;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): AccountClaims | Promise<AccountClaims>;
  }

  export class Provider {
    constructor(issuer: string, configuration: Readonly<Record<string, unknown>>);
    readonly issuer: string;
    readonly Grant: new (properties: { accountId: string; clientId: string }) => Grant;
    readonly AccessToken: { find(token: string): Promise<AccessToken | undefined> };
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    use(middleware: Middleware): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }

  export const errors: {
    InvalidRequest: new (description?: string) => Error;
    InvalidTarget: new (description?: string) => Error;
  };

  export namespace interactionPolicy {
    type CheckFn = (ctx: KoaContextWithOIDC & { oidc: OIDCContext & { result?: unknown } }) => boolean;
    class Check {
      constructor(reason: string, description: string, check: CheckFn);
      readonly reason: string;
    }
    interface Prompt {
      readonly name: string;
      readonly checks: { add(check: Check, index?: number): void };
    }
    interface Policy extends Array<Prompt> {
      get(name: string): Prompt | undefined;
    }
    function base(): Policy;
  }

  export default Provider;
}
