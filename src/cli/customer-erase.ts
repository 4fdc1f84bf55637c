import { parseArgs } from 'node:util';
import { openLibsql } from '../store/libsql.js';
import { customerFootprint, eraseCustomer, eraseCustomerStatements } from '../store/repos/erase-customer.js';
import { openConfiguredDatabase } from './database.js';
import { run } from './run.js';

const usage = `usage:
  npm run customer:erase -- --id 966500000001          (shows what would be erased)
  npm run customer:erase -- --id 966500000001 --yes    (erases it)
  npm run customer:erase -- --id 966500000001 --sql    (the SQL, for wrangler d1 execute on Workers)
--id is the customer's phone number (wa_id) or WhatsApp user id.`;

/** Phone numbers and WhatsApp user ids ("SA.1234…"): nothing that could break out of a quoted literal. */
const CUSTOMER_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** One statement with its parameters written in, for a script D1 runs as it is. */
function inlined(query: { sql: string; params: unknown[] }): string {
  let index = 0;
  const text = query.sql.replace(/\?/g, () => {
    const value = query.params[index++];
    return typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`;
  });
  return `${text};`;
}

/**
 * Erases a customer's conversations, messages, handoffs and pending sends: a deletion request under
 * PDPL or GDPR. Orders are the order system's records and stay.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      id: { type: 'string' },
      yes: { type: 'boolean' },
      sql: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || values.id === undefined) {
    console.error(usage);
    return values.help ? 0 : 2;
  }
  // "+966 50-000 0001", "00966500000001": stored as WhatsApp sends it, digits after the country code
  const customerId = values.id.replace(/[\s-]/g, '').replace(/^(?:\+|00)/, '');
  if (!CUSTOMER_ID.test(customerId)) {
    console.error(`--id: "${values.id}" is not a phone number or a WhatsApp user id`);
    return 2;
  }
  if (values.sql && values.yes) {
    // --yes would read as "and erase it here too": it erases nothing with --sql
    console.error(
      '--sql only prints the deletes (run them with wrangler d1 execute); it erases nothing here, so --yes does not go with it',
    );
    return 2;
  }
  if (values.sql) {
    // the statements find their rows themselves: writing them out needs no database of ours
    const { db, close } = openLibsql(':memory:');
    for (const statement of eraseCustomerStatements(db, customerId, Date.now()))
      console.log(inlined(statement.toSQL()));
    close();
    return 0;
  }
  const { db, close } = await openConfiguredDatabase({ create: false });
  try {
    const found = await customerFootprint(db, customerId);
    const summary = `${found.conversations} conversation(s), ${found.messages} message(s), ${found.handoffs} handoff(s) with ${found.notes} note(s), ${found.outbox} outbox row(s)`;
    if (found.customers === 0) {
      console.log(
        `No customer ${customerId} here (nothing to erase). Phone numbers are stored as WhatsApp sends them: country code first, no + or 00, no leading 0 (966500000001).`,
      );
      return 0;
    }
    const open =
      found.openHandoffs > 0
        ? ` ${found.openHandoffs} handoff(s) still open (queued or with an agent): they go too, from every inbox.`
        : '';
    if (!values.yes) {
      console.log(`Would erase customer ${customerId}: ${summary}.${open} Run again with --yes to erase.`);
      return 0;
    }
    await eraseCustomer(db, customerId, Date.now());
    console.log(`Erased customer ${customerId}: ${summary}.`);
    return 0;
  } finally {
    close();
  }
}

run(main);
