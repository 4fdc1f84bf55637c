// The part of the `cloudflare:workers` runtime module Baton uses. `@cloudflare/workers-types`
// declares it only in its global flavour, which clashes with the DOM and Node types the rest of
// the project compiles against; the importable flavour gives the types it refers to.
declare module 'cloudflare:workers' {
  import type { DurableObjectState } from '@cloudflare/workers-types/latest';

  /** Base class of Durable Objects whose public methods are callable over RPC. */
  export abstract class DurableObject<Env = unknown> {
    protected readonly ctx: DurableObjectState;
    protected readonly env: Env;
    constructor(ctx: DurableObjectState, env: Env);
  }
}
