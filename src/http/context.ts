import type { Deps } from '../deps.js';
import type { AgentRow } from '../handoff/lifecycle/context.js';
import type { Credential } from '../inbox/auth.js';
import type { LogFields, Logger } from '../log/logger.js';

/** Hono's environment for every route: the dependencies and a per-request logger. */
export interface AppEnv {
  Variables: {
    deps: Deps;
    logger: Logger;
    requestId: string;
    /** What a handler adds to the request's one log line (a webhook's counts). */
    logFields: LogFields | undefined;
  };
}

/** Routes behind agent authentication also know the agent, and what they signed in with. */
export interface AgentEnv {
  Variables: AppEnv['Variables'] & { agent: AgentRow; credential: Credential };
}
