import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { canSee } from '../../handoff/lifecycle/context.js';
import type { AgentEnv } from '../../http/context.js';
import { agentFor } from '../auth.js';
import type { InboxEvent } from '../events.js';

/** Live updates for the inbox: the events of the agent's queues, with a heartbeat. */
export function inboxEventStream(c: Context<AgentEnv>) {
  const { agent, credential, deps } = c.var;
  return streamSSE(c, async (stream) => {
    const pending: InboxEvent[] = [];
    let wake: (() => void) | undefined;
    const unsubscribe = deps.events.subscribe((event) => {
      if (!canSee(agent, event.queue)) return;
      pending.push(event);
      wake?.();
    });
    stream.onAbort(() => {
      unsubscribe();
      wake?.();
    });
    // An agent removed, re-issued a token (npm run agent:remove, agent:rotate) or signed out stops
    // hearing at once: the credential is checked again before anything is written, and the stream
    // ends.
    const stillValid = async () => (await agentFor(deps.db, credential, deps.clock.now()))?.id === agent.id;
    await stream.writeSSE({ event: 'ready', data: '{}' });
    while (!stream.aborted) {
      const event = pending.shift();
      if (!(await stillValid())) break;
      if (event) {
        await stream.writeSSE({ event: event.type, data: JSON.stringify(event) });
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 15_000);
      });
      wake = undefined;
      if (pending.length === 0 && !stream.aborted) {
        if (!(await stillValid())) break;
        await stream.writeSSE({ event: 'ping', data: '{}' });
      }
    }
    unsubscribe();
  });
}
