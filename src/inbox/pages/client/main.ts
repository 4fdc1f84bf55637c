/**
 * Start-up: the sign-in form trades a token for the session cookie; the inbox loads its data and
 * then follows GET /api/events, refreshing the queue, the open handoff and the KPIs on each event.
 */
export const inboxMain = String.raw`
function startLogin() {
  var form = byId('login-form');
  var error = byId('login-error');
  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    error.textContent = '';
    var button = form.querySelector('button');
    button.disabled = true;
    try {
      var signedIn = await api('POST', '/api/session', { token: byId('token').value.trim() });
      // a browser keeps a Secure cookie over plain http only on this machine: reloading would
      // show this form again with no word of why
      var local = /^(localhost|127\.0\.0\.1|\[::1\])$/.test(location.hostname);
      if (signedIn.secureCookie && location.protocol !== 'https:' && !local) {
        error.textContent = 'Signed in, but this browser keeps the session only over https: open https://' + location.host + location.pathname + ' (through the proxy that ends TLS).';
        button.disabled = false;
        return;
      }
      location.reload();
    } catch (failure) {
      error.textContent = failure.message === 'unknown token' ? 'That token is not valid.' : failure.message;
      button.disabled = false;
    }
  });
}

var refreshQueue = coalesce(function () { loadQueue().catch(reportError); }, 120);
var refreshDetail = coalesce(function () { loadDetail(); }, 120);
var refreshStats = coalesce(loadStats, 1000);

function reportError(error) {
  toast(error.message, 'error');
}

async function refreshAll() {
  await Promise.all([loadQueue(), loadLive(), loadDetail()]);
  refreshStats();
}

function setLive(on) {
  var live = byId('live');
  live.className = 'live' + (on ? ' on' : '');
  live.textContent = on ? 'Live' : 'Reconnecting…';
}

function follow() {
  var source = new EventSource('/api/events');
  // After a reconnect anything may have happened: reload rather than trust the gap.
  source.addEventListener('ready', function () {
    setLive(true);
    refreshAll().catch(reportError);
  });
  ['handoff.created', 'handoff.updated', 'message.created', 'message.failed'].forEach(function (type) {
    source.addEventListener(type, function (message) {
      var event = JSON.parse(message.data);
      if (type === 'message.created' && event.direction === 'in' && event.handoffId !== state.selected &&
        !heldByColleague(event.handoffId)) {
        state.unread[event.handoffId] = true;
      }
      refreshQueue();
      if (event.handoffId === state.selected) refreshDetail();
      refreshStats();
    });
  });
  // a tick changes one line of one conversation: nothing in the queue or the figures
  source.addEventListener('message.status', function (message) {
    if (JSON.parse(message.data).handoffId === state.selected) refreshDetail();
  });
  source.addEventListener('error', function () {
    setLive(false);
    // EventSource does not say why it broke: if the session ended, api() sees the 401 and reloads
    // to the sign-in form at once, rather than at the next minute's refresh.
    api('GET', '/api/me').catch(function () { return null; });
  });
}

function startInbox() {
  var tabs = Array.prototype.slice.call(document.querySelectorAll('[data-tab]'));
  tabs.forEach(function (tab) {
    tab.addEventListener('click', function () { showTab(tab.getAttribute('data-tab')); });
  });
  // the tab list as WAI-ARIA has it: arrows, Home and End move to a tab and open it
  document.querySelector('[role="tablist"]').addEventListener('keydown', function (event) {
    var at = tabs.indexOf(document.activeElement);
    var to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (at < 0 || to === undefined) return;
    event.preventDefault();
    var next = tabs[(to + tabs.length) % tabs.length];
    showTab(next.getAttribute('data-tab'));
    next.focus();
  });
  var search = byId('queue-search');
  // once the agent pauses: not a request per key
  var searchSoon = debounce(function () { loadQueue().catch(reportError); }, 250);
  search.addEventListener('input', function () {
    state.search = search.value.trim();
    // the Live tab is filtered where it is; the handoff tabs ask the server
    renderQueue();
    searchSoon();
  });
  search.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape' || !search.value) return;
    search.value = '';
    search.dispatchEvent(new Event('input'));
  });
  byId('signout').addEventListener('click', async function () {
    stored('sessionStorage', DRAFTS_KEY, null);
    await api('DELETE', '/api/session').catch(function () { return null; });
    location.assign('/inbox');
  });
  foldFigures();
  var deepLink = /^\/inbox\/handoffs\/([^/]+)$/.exec(location.pathname);
  loadQueue().catch(reportError);
  loadLive().catch(reportError);
  loadStats();
  // a link to a handoff opens the tab it is in, so the queue shows it beside its pane
  // a link mangled on its way ("%E0%A4%A") opens the inbox without a handoff, not an error
  var linked = null;
  try {
    linked = deepLink && decodeURIComponent(deepLink[1]);
  } catch (error) {
    history.replaceState(null, '', '/inbox');
  }
  if (linked) {
    select(linked).then(function () {
      if (!state.detail || state.tab === state.detail.handoff.status) return;
      state.tab = state.detail.handoff.status;
      renderQueue();
    });
  }
  follow();
  // Waiting times and SLA clocks move without events; a slow full reload covers missed events.
  setInterval(function () {
    renderQueue();
    if (state.detail) renderPacket(state.detail);
  }, 20000);
  setInterval(function () { refreshAll().catch(reportError); }, 60000);
  setInterval(function () {
    if (state.tab === LIVE) loadLive().catch(reportError);
  }, 10000);
}

/**
 * The figures fold away to leave the conversation room on a small screen; an agent's choice is
 * remembered in this browser.
 */
function foldFigures() {
  var box = byId('kpis-box');
  var chosen = stored('localStorage', 'baton.figures');
  var wanted = chosen ? chosen === 'open' : window.innerHeight >= 820 && window.innerWidth > 760;
  // folding it here fires a toggle too, which is no choice of the agent's
  var ours = box.open !== wanted;
  box.open = wanted;
  box.addEventListener('toggle', function () {
    if (ours) {
      ours = false;
      return;
    }
    stored('localStorage', 'baton.figures', box.open ? 'open' : 'closed');
  });
}

if (document.body.dataset.page === 'login') startLogin();
else startInbox();
`;
