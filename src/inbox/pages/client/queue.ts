/**
 * The left pane: the three status tabs with counts, most urgent first (the API's order), with
 * waiting time, reasons and the customer; handoffs that arrived live are flagged for a while.
 * The Live tab lists the conversations the bot is handling, most recent first, each with a
 * Take over button.
 */
export const inboxQueue = `
async function loadQueue() {
  var asked = state.search;
  var results = await Promise.all(STATUSES.map(function (status) {
    return api('GET', '/api/handoffs?status=' + status + '&limit=' + state.limits[status] +
      (asked ? '&q=' + encodeURIComponent(asked) : ''));
  }).concat(
    // the page title counts the whole queue, searched or not
    asked ? [api('GET', '/api/handoffs?status=queued&limit=1')] : []
  ));
  // the agent typed on meanwhile: the answer to the newer search is on its way
  if (asked !== state.search) return;
  state.queuedTotal = results[asked ? STATUSES.length : 0].total;
  var known = {};
  STATUSES.forEach(function (status, i) {
    state.lists[status] = results[i].handoffs;
    state.totals[status] = results[i].total;
    results[i].handoffs.forEach(function (item) {
      known[item.id] = true;
      // whose each is, kept while a search hides it: a colleague's customer is not this agent's news
      state.owners[item.id] = item.status === 'assigned' ? item.assignedAgentId : null;
      if (heldByColleague(item.id)) delete state.unread[item.id];
      // Only what appears after the first load is news; the first load is the backlog. A search
      // lists what it finds, not what arrived: news is judged between loads of the whole queue,
      // so one that arrived during a search is flagged when the search is cleared.
      if (!asked && state.known && !state.known[item.id]) state.fresh[item.id] = Date.now();
      // unread since this agent last had it open, on any device; once opened in this tab, the
      // live events say what is new (a list fetched before the read landed would say it again)
      if (item.unread && !state.seen[item.id] && item.id !== state.selected) state.unread[item.id] = true;
    });
  });
  if (!asked) state.known = known;
  // a handoff resolved or gone meanwhile has nothing left unread (one a search hides is neither)
  if (!state.search) Object.keys(state.unread).forEach(function (id) {
    var open = state.lists.queued.concat(state.lists.assigned).some(function (item) { return item.id === id; });
    if (!open) delete state.unread[id];
  });
  state.fetchedAt = Date.now();
  renderQueue();
}

// Bot conversations raise no inbox events, so they are read when the Live tab opens, every 10 s
// while it is shown, and with the minute's refresh.
async function loadLive() {
  state.lists[LIVE] = (await api('GET', '/api/conversations?limit=100')).conversations;
  renderQueue();
}

/** A colleague has it: what their customer writes is their news, not this agent's. */
function heldByColleague(id) {
  var owner = state.owners[id];
  return Boolean(owner && owner !== me.id);
}

function waitedMs(item) {
  return item.waitingMs + (item.status === 'queued' ? Date.now() - state.fetchedAt : 0);
}

function renderQueue() {
  var queued = state.queuedTotal;
  var unread = Object.keys(state.unread).length;
  document.title = (queued ? '(' + queued + ') ' : '') + (unread ? '• ' : '') + 'Inbox · Baton';
  document.querySelectorAll('[data-tab]').forEach(function (tab) {
    var status = tab.getAttribute('data-tab');
    tab.setAttribute('aria-selected', String(status === state.tab));
    // one stop for Tab: the open tab; the arrows reach the others
    tab.setAttribute('tabindex', status === state.tab ? '0' : '-1');
    var count = status === LIVE ? state.lists[LIVE].filter(liveMatches).length : state.totals[status];
    tab.querySelector('.count').textContent = status === LIVE && count >= 100 ? '100+' : String(count);
  });
  var list = byId('queue-list');
  // a live update rebuilds the list: the item the agent was on keeps the keyboard focus
  var focused = list.contains(document.activeElement) && document.activeElement.getAttribute('data-id');
  clear(list);
  var items = state.lists[state.tab];
  if (state.tab === LIVE) {
    items = items.filter(liveMatches);
    if (items.length === 0 && state.search) {
      list.appendChild(noMatch());
    } else if (items.length === 0) {
      list.appendChild(h('li', { class: 'queue-empty' }, [
        h('strong', { text: 'No conversation with the bot' }),
        h('span', { text: 'Conversations the bot is handling appear here; take one over to answer yourself.' }),
      ]));
    }
    items.forEach(function (item) { list.appendChild(liveItem(item)); });
    return;
  }
  if (items.length === 0 && state.search) {
    list.appendChild(noMatch());
    return;
  }
  if (items.length === 0) {
    list.appendChild(h('li', { class: 'queue-empty' }, [
      h('strong', { text: 'Nothing ' + state.tab }),
      h('span', { text: state.tab === 'queued' ? 'New handoffs appear here as they arrive.' : 'Handoffs move here as agents work them.' }),
    ]));
    return;
  }
  items.forEach(function (item) { list.appendChild(queueItem(item)); });
  var hidden = state.totals[state.tab] - items.length;
  if (hidden > 0) list.appendChild(moreItem(state.tab, hidden));
  var again = focused && list.querySelector('[data-id="' + CSS.escape(focused) + '"]');
  if (again) again.focus();
}

// The tabs list the most urgent (or, resolved, the newest) first: the rest are a click away.
function moreItem(status, hidden) {
  var more = Math.min(PAGE, hidden);
  if (state.limits[status] >= MAX_LISTED) {
    return h('li', { class: 'queue-more' }, h('span', { text: hidden + ' more not listed: resolve or transfer some to see them.' }));
  }
  var button = h('button', {
    type: 'button',
    class: 'btn',
    id: 'queue-more',
    text: 'Show ' + more + ' more (' + hidden + ' not listed)',
    onclick: function () {
      state.limits[status] = Math.min(MAX_LISTED, state.limits[status] + PAGE);
      act(button, null, loadQueue);
    },
  });
  return h('li', { class: 'queue-more' }, button);
}

function queueItem(item) {
  var overdue = item.status === 'queued' && Date.parse(item.slaDueAt) < Date.now();
  var freshAt = state.fresh[item.id];
  var classes = ['item'];
  if (item.id === state.selected) classes.push('active');
  if (freshAt && Date.now() - freshAt < 15000) classes.push('fresh');
  var waited = (item.status === 'queued' ? 'waiting ' : 'waited ') + duration(waitedMs(item));
  return h('li', null, h('button', {
    type: 'button',
    class: classes.join(' '),
    'data-id': item.id,
    onclick: function () { select(item.id); },
  }, [
    h('span', { class: 'item-top' }, [
      badge(item.priority),
      h('span', { class: 'item-name', dir: 'auto', text: customerName(item.customer) }),
      item.customer.tier === 'vip' ? tag('VIP', 'vip') : null,
      h('span', {
        class: 'item-wait' + (overdue ? ' overdue' : ''),
        title: 'SLA due ' + dateTime(item.slaDueAt),
        text: overdue ? waited + ' · SLA' : waited,
      }),
    ]),
    h('span', { class: 'item-meta' }, [
      tag(QUEUE_NAMES[item.queue] || item.queue, 'queue'),
      tag(item.customer.language.toUpperCase(), 'lang'),
      item.afterHours ? tag('After hours', 'after') : null,
      // whose it is, in the Assigned and Resolved tabs
      item.status !== 'queued' && item.assignedAgentId
        ? tag(item.assignedAgentId === me.id ? 'You' : item.assignedAgentName || 'A colleague', 'owner')
        : null,
      item.status === 'resolved' && ENDINGS[item.resolution] ? tag(ENDINGS[item.resolution], 'ending') : null,
      state.unread[item.id] && item.status !== 'resolved' ? tag('New message', 'unread') : null,
      // one chip a reason: a second sensitive topic raised while waiting is named in the first
      item.reasons.filter(function (code, i, all) { return all.indexOf(code) === i; })
        .map(function (code) { return reasonChip(code, item.topics); }),
    ]),
    // The summary is in the agent's language; dir=auto would flip it on a leading Arabic name.
    h('span', { class: 'item-summary' }, isolatedQuotes(item.summary)),
  ]));
}

function liveItem(conversation) {
  var frustration = Math.round(conversation.frustration * 100);
  var button = h('button', {
    type: 'button',
    class: 'btn primary take-over',
    text: 'Take over',
    onclick: function () {
      act(button, 'You have the conversation; the customer was told.', async function () {
        var taken = await api('POST', '/api/conversations/' + encodeURIComponent(conversation.id) + '/takeover', {});
        state.tab = 'assigned';
        await Promise.all([loadQueue(), loadLive()]);
        await select(taken.handoffId);
      });
    },
  });
  return h('li', null, h('div', { class: 'item live-item', 'data-id': conversation.id }, [
    h('span', { class: 'item-top' }, [
      h('span', { class: 'item-name', dir: 'auto', text: customerName(conversation.customer) }),
      conversation.customer.tier === 'vip' ? tag('VIP', 'vip') : null,
      h('span', { class: 'item-wait', title: dateTime(conversation.lastMessageAt), text: relative(conversation.lastMessageAt) }),
    ]),
    h('span', { class: 'item-meta' }, [
      tag((conversation.language || 'en').toUpperCase(), 'lang'),
      conversation.lastIntent ? tag(conversation.lastIntent.replace(/_/g, ' '), 'queue') : null,
      tag('Frustration ' + frustration + '%', frustration >= 50 ? 'after' : 'lang'),
    ]),
    h('ol', { class: 'live-lines' }, conversation.lastMessages.slice(-3).map(function (line) {
      // An Arabic line runs right to left, label first, so the clipped end is its end, not its start.
      var rtl = /^[^A-Za-z]*[؀-ۿ]/.test(line.text || '');
      return h('li', { dir: rtl ? 'rtl' : 'ltr' }, [
        h('span', { class: 'live-who', text: (AUTHORS[line.author] || line.author) + ': ' }),
        line.text || '[media]',
        line.status === 'failed' ? h('span', { class: 'line-error', text: ' · not delivered' }) : null,
      ]);
    })),
    button,
  ]));
}

function noMatch() {
  var live = state.tab === LIVE;
  return h('li', { class: 'queue-empty', id: 'no-match' }, [
    h('strong', { text: 'Nothing ' + (live ? 'live' : state.tab) + ' matches “' + state.search + '”' }),
    h('span', {
      text: live
        ? 'The Live tab is searched by the customer’s name.'
        : 'Names, phone numbers, order numbers, what the customer wrote and handoff ids are searched.',
    }),
  ]);
}

/** The Live tab holds at most a hundred conversations: it is searched where it is, by name. */
function liveMatches(conversation) {
  if (!state.search) return true;
  var wanted = foldForSearch(state.search);
  // nothing left once folded (a lone tatweel) finds nothing, as on the server
  return wanted !== '' && foldForSearch(conversation.customer.name || '').indexOf(wanted) >= 0;
}

// the marks the server's search drops: tashkeel, the superscript alef, tatweel, direction marks
var SEARCH_MARKS = new RegExp('[' + String.fromCharCode(0x0640, 0x0670) +
  String.fromCharCode(0x064b) + '-' + String.fromCharCode(0x065f) + ']', 'g');

/** The letters the server's search folds, folded the same way: أحمد finds احمد, محمد finds محمّد. */
function foldForSearch(text) {
  return plain(text).normalize('NFKC').toLowerCase().replace(SEARCH_MARKS, '')
    .replace(/[أإآٱ]/g, 'ا').replace(/ة/g, 'ه').replace(/[ىئی]/g, 'ي').replace(/ک/g, 'ك').trim();
}

function showTab(status) {
  state.tab = status;
  renderQueue();
  if (status === LIVE) loadLive().catch(reportError);
}
`;
