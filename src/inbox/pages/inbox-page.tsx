import type { AgentRow } from '../../handoff/lifecycle/context.js';
import { Document } from './shell.js';

const assets = { script: '/inbox/app.js', stylesheet: '/inbox/app.css' };

/** The sign-in form: the token goes to POST /api/session and comes back as an HttpOnly cookie. */
export function LoginPage(props: { business: string }) {
  return (
    <Document
      title="Sign in · Baton inbox"
      lang="en"
      dir="ltr"
      bodyClass=""
      data={{ page: 'login' }}
      {...assets}
    >
      <main class="login">
        <form id="login-form" class="login-card">
          <span class="logo" aria-hidden="true">
            B
          </span>
          <h1>Agent inbox</h1>
          <p class="muted">{props.business} · sign in with your agent token</p>
          <label>
            Token
            <input id="token" type="password" autocomplete="off" required placeholder="bt_…" />
          </label>
          <button type="submit" class="btn primary">
            Sign in
          </button>
          <p id="login-error" class="login-error" role="alert" />
          <p class="hint">
            No token yet? An administrator creates one with{' '}
            <code>npm run agent:add -- --name "Layla" --queues orders,billing</code>
          </p>
        </form>
      </main>
    </Document>
  );
}

/** The inbox frame; the script fills the queue, the handoff and the KPIs from the JSON API. */
export function InboxPage(props: { business: string; agent: AgentRow }) {
  const { agent } = props;
  const queues = agent.queues.includes('*') ? 'all queues' : agent.queues.join(', ');
  return (
    <Document
      title="Inbox · Baton"
      lang="en"
      dir="ltr"
      bodyClass="inbox"
      data={{
        page: 'inbox',
        'agent-id': agent.id,
        'agent-name': agent.name,
        'agent-queues': agent.queues.join(','),
      }}
      {...assets}
    >
      <header class="topbar">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            B
          </span>
          <span>Baton</span>
          <span class="brand-sub">{props.business} · Agent inbox</span>
        </div>
        <div class="topbar-right">
          <span id="live" class="live" role="status">
            Connecting…
          </span>
          <span class="me">
            <span id="me-name">{agent.name}</span>
            <small>{queues}</small>
          </span>
          <button id="signout" type="button" class="btn ghost">
            Sign out
          </button>
        </div>
      </header>
      <details id="kpis-box" class="kpis-box" open>
        <summary>Team figures, last 7 days</summary>
        <section id="kpis" class="kpis" aria-label="Key figures, last 7 days" />
      </details>
      <main class="workspace">
        <aside class="queue" aria-label="Queue">
          <div class="tabs" role="tablist">
            {['queued', 'assigned', 'resolved', 'live'].map((status) => (
              <button type="button" role="tab" data-tab={status} aria-selected={String(status === 'queued')}>
                {status}
                <span class="count">0</span>
              </button>
            ))}
          </div>
          <div class="queue-search">
            <input
              id="queue-search"
              type="search"
              autocomplete="off"
              maxlength={100}
              aria-label="Search handoffs"
              placeholder="Search name, phone, order number…"
            />
          </div>
          <ol id="queue-list" />
        </aside>
        <section id="detail" class="detail" aria-label="Handoff">
          <div class="detail-empty">
            <strong>No handoff selected</strong>
            <span>Pick one from the queue. New handoffs and customer messages arrive live.</span>
          </div>
        </section>
      </main>
      <div id="toast" class="toast" role="status" aria-live="polite" />
    </Document>
  );
}
