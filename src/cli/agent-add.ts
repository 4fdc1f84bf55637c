import { parseArgs } from 'node:util';
import { addAgent, agentName, listAgents } from '../inbox/agents.js';
import { queueSchema } from '../policy/reasons.js';
import { openConfiguredDatabase } from './database.js';

const usage =
  'usage: npm run agent:add -- --name "Layla" --queues orders,billing   (queues: general, orders, billing, technical, vip, or * for all)';

/** Adds an agent to the configured database and prints their token once. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { name: { type: 'string' }, queues: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || !values.name || !values.queues) {
    console.error(usage);
    process.exit(values.help ? 0 : 2);
  }
  const queues = values.queues
    .split(',')
    .map((q) => q.trim())
    .filter(Boolean);
  for (const queue of queues) {
    if (queue !== '*' && !queueSchema.safeParse(queue).success) {
      console.error(`unknown queue "${queue}"\n${usage}`);
      process.exit(2);
    }
  }
  if (queues.includes('*') && queues.length > 1) {
    console.error(`* is every queue: give it alone\n${usage}`);
    process.exit(2);
  }
  let name: string;
  try {
    name = agentName(values.name);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
  const { db, close } = await openConfiguredDatabase({ create: true });
  // customers read "Layla from our team", colleagues "Layla has this handoff": one Layla
  const namesake = (await listAgents(db)).find((agent) => agent.name.toLowerCase() === name.toLowerCase());
  if (namesake !== undefined) {
    close();
    console.error(
      `an agent named "${namesake.name}" exists (${namesake.id}): give a name customers and colleagues can tell apart, like "${namesake.name} A."`,
    );
    process.exit(2);
  }
  const { agent, token } = await addAgent(db, { name, queues, now: Date.now() });
  close();
  console.log(`Agent ${agent.name} (${agent.id}) added to queues: ${queues.join(', ')}`);
  console.log('Token (shown once, stored only as a hash):');
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
