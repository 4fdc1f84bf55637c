import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { listAgents, removeAgent, rotateAgentToken } from '../inbox/agents.js';
import { openToolDatabase } from './database.js';
import { environment } from './environment.js';
import { run } from './run.js';

const usage = `usage:
  npm run agent:list
  npm run agent:remove -- --id agent_…   (the token stops working; their handoffs go back to the queue)
  npm run agent:rotate -- --id agent_…   (a new token, shown once; the old one stops working)`;

/** Lists, removes or re-issues agents in the configured database. */
async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { id: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || (command !== 'list' && values.id === undefined)) {
    console.error(usage);
    return values.help ? 0 : 2;
  }
  const config = loadConfig(environment());
  const { db, close } = await openToolDatabase(config, { create: false });
  try {
    if (command === 'list') {
      const all = await listAgents(db);
      if (all.length === 0) console.log('No agents yet: npm run agent:add -- --name … --queues …');
      for (const agent of all) {
        const since = new Date(agent.createdAt).toISOString().slice(0, 10);
        console.log(
          `${agent.id}  ${agent.name}  queues: ${agent.queues.join(',')}  since ${since}  holding ${agent.assigned}`,
        );
      }
      return 0;
    }
    const id = values.id as string;
    if (command === 'remove') {
      const removed = await removeAgent(db, id, Date.now(), {
        windowMarginMs: config.WHATSAPP_WINDOW_MARGIN_MINUTES * 60_000,
      });
      if (removed === undefined) {
        console.error(`no agent ${id} (npm run agent:list shows them)`);
        return 1;
      }
      console.log(
        `Removed ${removed.name} (${id}); ${removed.requeued.length} handoff(s) back in their queue.`,
      );
      return 0;
    }
    if (command === 'rotate') {
      const token = await rotateAgentToken(db, id);
      if (token === undefined) {
        console.error(`no agent ${id} (npm run agent:list shows them)`);
        return 1;
      }
      console.log('New token (shown once, stored only as a hash; the old one no longer works):');
      console.log(token);
      return 0;
    }
    console.error(`unknown command "${command}"\n${usage}`);
    return 2;
  } finally {
    close();
  }
}

run(main);
