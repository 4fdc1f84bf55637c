import { eq } from 'drizzle-orm';
import type { Db } from '../store/db.js';
import { agents } from '../store/schema/index.js';
import { newId, sha256Hex } from '../util/ids.js';

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `bt_${btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')}`;
}

/** Stores an agent with the SHA-256 of a fresh token; the token is returned once and never kept. */
export async function addAgent(db: Db, input: { name: string; queues: string[]; now: number }) {
  const token = randomToken();
  const agent = {
    id: newId('agent'),
    name: input.name,
    queues: input.queues,
    tokenHash: await sha256Hex(token),
    createdAt: input.now,
  };
  await db.insert(agents).values(agent);
  return { agent, token };
}

export async function agentByToken(db: Db, token: string) {
  return db.query.agents.findFirst({ where: eq(agents.tokenHash, await sha256Hex(token)) });
}
