import { type Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../../http/context.js';
import { agentByToken } from '../agents.js';
import { SESSION_COOKIE } from '../auth.js';
import { inboxScript } from './client/index.js';
import { InboxPage, LoginPage } from './inbox-page.js';
import { asset, pageSecurity, renderPage } from './shell.js';
import { inboxStyles } from './styles.js';

/** Signed in with a valid session cookie: the inbox; otherwise the sign-in form, on the same URL. */
async function inbox(c: Context<AppEnv>) {
  const { db, config } = c.var.deps;
  const token = getCookie(c, SESSION_COOKIE);
  const agent = token ? await agentByToken(db, token) : undefined;
  const business = config.BUSINESS_NAME;
  return renderPage(
    c,
    agent ? <InboxPage business={business} agent={agent} /> : <LoginPage business={business} />,
  );
}

/** `/inbox`: the agent inbox page and its two assets. `/inbox/handoffs/:id` is the packet's link. */
export function inboxPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(pageSecurity);
  app.get('/', inbox);
  app.get('/handoffs/:id', inbox);
  app.get('/app.js', asset('text/javascript', inboxScript));
  app.get('/app.css', asset('text/css', inboxStyles));
  return app;
}
