import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { agentOfSessionCookie } from '../auth.js';
import { inboxScript } from './client/index.js';
import { InboxPage, LoginPage } from './inbox-page.js';
import { asset, pageSecurity, renderPage } from './shell.js';
import { inboxStyles } from './styles.js';

/** Signed in with a valid session cookie: the inbox; otherwise the sign-in form, on the same URL. */
async function inbox(c: Context<AppEnv>) {
  const agent = await agentOfSessionCookie(c);
  const business = c.var.deps.config.BUSINESS_NAME;
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
