/**
 * The inbox script's shared state, its API helper and the labels it shows. Writes carry
 * `X-Baton-Inbox: 1` because the session is a cookie (see src/inbox/auth.ts).
 */
export const inboxCore = String.raw`
var me = { id: document.body.dataset.agentId, name: document.body.dataset.agentName };
var STATUSES = ['queued', 'assigned', 'resolved'];
// The fourth tab: bot conversations an agent may take over (GET /api/conversations).
var LIVE = 'live';
var REASONS = {
  human_requested: 'Asked for a person',
  failed_attempts: 'Bot could not help',
  frustration: 'Frustrated',
  sensitive_topic: 'Sensitive topic',
  complex_query: 'Complex request',
  agent_initiated: 'Agent initiated',
};
var QUEUE_NAMES = { general: 'General', orders: 'Orders', billing: 'Billing', technical: 'Technical', vip: 'VIP' };
var LANGUAGES = { en: 'English', ar: 'Arabic' };
var STATUS_LABELS = { queued: 'Queued', assigned: 'Assigned', resolved: 'Resolved' };
// how a handoff ended when no agent resolved it
var ENDINGS = { withdrawn: 'Withdrawn by the customer', idle: 'Handed back: idle' };
var AUTHORS = { customer: 'Customer', bot: 'Bot', agent: 'Agent', system: 'System' };

var DRAFTS_KEY = 'baton.drafts.' + me.id;
// a tab lists this many handoffs at first, and this many more at each "Show more", up to MAX_LISTED
var PAGE = 100;
var MAX_LISTED = 1000;

var state = {
  tab: 'queued',
  lists: { queued: [], assigned: [], resolved: [], live: [] },
  // how many handoffs each tab holds, and how many of them it lists ("Show more" lists more)
  totals: { queued: 0, assigned: 0, resolved: 0 },
  limits: { queued: PAGE, assigned: PAGE, resolved: PAGE },
  fetchedAt: Date.now(),
  known: null,
  fresh: {},
  selected: null,
  detail: null,
  built: null,
  composerKey: null,
  actionsKey: null,
  drafts: readDrafts(),
  // handoffs of the agent's with a customer message they have not opened yet
  unread: {},
  // handoffs opened in this tab: their reads are the server's to keep, their news the live events'
  seen: {},
  // handoffs this agent transferred, whose move is no news to them
  movedByMe: {},
  // what the search box holds: the handoff tabs list only what matches, the Live tab filters its own
  search: '',
  // handoffs waiting, whatever the search shows: the page title's count
  queuedTotal: 0,
  // who has each handoff listed (null: nobody), kept while a search hides it
  owners: {},
};

/** Browser storage, which a privacy setting may refuse: then nothing is kept, and nothing breaks. */
function stored(storage, key, value) {
  try {
    var area = window[storage];
    if (value === undefined) return area.getItem(key);
    if (value === null) area.removeItem(key);
    else area.setItem(key, value);
  } catch (error) {
    return null;
  }
  return null;
}

// Replies and notes being written survive a reload of the tab (a session that ended and was
// signed in again) and a look at another handoff: sessionStorage is the tab's own, keyed by agent
// so a colleague signing in on the same tab sees none, and cleared on sign-out. A reply's draft is
// kept under the handoff's id, a note's under "note:" and the id.
function readDrafts() {
  try {
    return JSON.parse(stored('sessionStorage', DRAFTS_KEY) || '{}') || {};
  } catch (error) {
    return {};
  }
}

// A text sent while the agent went on typing: what follows the sent text is still theirs to send.
// Text edited in flight is kept whole, so nothing typed is ever lost.
function unsent(current, sent) {
  var rest = current.trim();
  if (rest.indexOf(sent) !== 0) return current;
  return rest.slice(sent.length).trim();
}

function keepDrafts() {
  stored('sessionStorage', DRAFTS_KEY, JSON.stringify(state.drafts));
}

function keepDraft(key, text) {
  if (text) state.drafts[key] = text;
  else delete state.drafts[key];
  keepDrafts();
}

/** The API says times in UTC ("closes at 2026-12-06T17:58:01.774Z"); the agent reads them in theirs. */
function localTimes(message) {
  return message.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, function (iso) { return dateTime(iso); });
}

async function api(method, path, body) {
  var init = { method: method, headers: { 'X-Baton-Inbox': '1' }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  var response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    // no answer at all: whether a write arrived is unknown, and the agent should know that
    throw new Error(method === 'GET'
      ? 'Could not reach Baton: check the connection and try again.'
      : 'Could not reach Baton, so this may not have been saved: check the conversation before trying again.');
  }
  // The session expired or was revoked: the server renders the sign-in form again.
  if (response.status === 401 && path !== '/api/session') location.reload();
  var data = await response.json().catch(function () { return null; });
  if (!response.ok) {
    var failure = new Error(localTimes((data && data.message) || 'Baton did not answer as expected (HTTP ' + response.status + '); try again in a moment.'));
    failure.status = response.status;
    throw failure;
  }
  return data;
}

var toastTimer;
function toast(message, kind) {
  var node = byId('toast');
  node.textContent = message;
  node.className = 'toast show ' + (kind || 'info');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(function () { node.className = 'toast'; }, kind === 'error' ? 6000 : 2500);
}

/** Runs an action from a button, disabling it meanwhile and reporting failures. */
async function act(button, label, work) {
  button.disabled = true;
  try {
    await work();
    if (label) toast(label, 'ok');
  } catch (error) {
    toast(error.message, 'error');
    // the handoff changed under the agent (handed back when idle, taken, moved, erased, its window
    // closed): show it as it is now rather than the buttons that no longer apply
    if (STALE.indexOf(error.status) !== -1) {
      refreshDetail();
      refreshQueue();
    }
  } finally {
    button.disabled = false;
  }
}
var STALE = [404, 409, 410, 422];

function badge(priority) {
  return h('span', { class: 'badge p-' + priority, text: priority });
}

function tag(text, extra) {
  return h('span', { class: 'tag' + (extra ? ' ' + extra : ''), text: text });
}

var TOPICS = {
  refund: 'Refund', charge: 'Charge', billing: 'Billing dispute', cancellation: 'Cancellation',
  fraud: 'Fraud', legal: 'Legal threat', safety: 'Safety',
};

/** A reason's chip; a sensitive topic says which ("Fraud", "Refund") rather than "Sensitive topic". */
function reasonChip(code, topics) {
  var named = code === 'sensitive_topic' && topics && topics.length
    ? topics.map(function (t) { return TOPICS[t] || t; }).join(', ')
    : REASONS[code] || code;
  return h('span', { class: 'chip r-' + code, text: named });
}

function customerName(customer) {
  return plain(customer.name || '') || 'Unknown customer';
}

function relative(iso) {
  var ms = Date.parse(iso) - Date.now();
  return ms >= 0 ? 'in ' + duration(ms) : duration(ms) + ' ago';
}
`;
