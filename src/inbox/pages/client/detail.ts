/**
 * The right pane: one handoff's packet and conversation. The pane is built once per handoff and
 * its parts are refreshed in place, so a live update never wipes what the agent is typing.
 */
export const inboxDetail = `
async function select(id) {
  state.selected = id;
  showingDetail(true);
  delete state.fresh[id];
  delete state.unread[id];
  history.replaceState(null, '', '/inbox/handoffs/' + encodeURIComponent(id));
  renderQueue();
  // A CSAT answer raises no event, so opening a handoff is also when the figures catch up.
  refreshStats();
  await loadDetail();
}

async function loadDetail() {
  var id = state.selected;
  if (!id) return;
  try {
    var detail = await api('GET', '/api/handoffs/' + encodeURIComponent(id));
    if (state.selected !== id) return;
    var before = state.detail && state.detail.handoff.id === id ? state.detail.handoff : null;
    state.detail = detail;
    renderDetail();
    markRead(id, detail.transcript);
    // a colleague moved the agent's own conversation: say so, the header alone is easy to miss
    if (before && before.assignedAgentId === me.id && detail.handoff.assignedAgentId !== me.id &&
      detail.handoff.status === 'queued' && !state.movedByMe[id]) {
      // the move's note is the newest: it says who
      var note = detail.notes[detail.notes.length - 1];
      var who = (note && note.agentName) || 'a colleague';
      toast(before.queue === detail.handoff.queue
        ? 'This handoff was released to the queue by ' + who
        : 'This handoff was moved to ' + (QUEUE_NAMES[detail.handoff.queue] || detail.handoff.queue) + ' by ' + who, 'info');
    }
  } catch (error) {
    if (state.selected !== id) return;
    // moved to a queue the agent is not in (a transfer, theirs or a colleague's), or erased
    if (error.status === 403 || error.status === 404) return closeDetail(error.message);
    toast(error.message, 'error');
  }
}

/** Read up to the newest line shown, for this agent on every device they sign in on. */
function markRead(id, transcript) {
  state.seen[id] = true;
  var last = transcript[transcript.length - 1];
  api('POST', '/api/handoffs/' + encodeURIComponent(id) + '/read', last ? { messageId: last.id } : {})
    .catch(function () { return null; });
}

/**
 * On a phone the queue and the open handoff take turns on the screen: each scrolls with the page,
 * not in a box of its own inside it. Wider screens show both and never hide either.
 */
function showingDetail(on) {
  document.querySelector('.workspace').classList.toggle('has-detail', on);
  if (on && window.matchMedia('(max-width: 760px)').matches) window.scrollTo(0, 0);
}

/** Back to the queue on a phone, on the item that was open. */
function backButton() {
  return h('button', {
    type: 'button',
    class: 'btn back-to-queue',
    text: '← Queue',
    onclick: function () {
      var was = state.selected;
      deselect();
      showingDetail(false);
      // nothing stale for a wider window to show later
      clear(byId('detail')).appendChild(h('div', { class: 'detail-empty' }, [
        h('strong', { text: 'No handoff selected' }),
        h('span', { text: 'Pick one from the queue.' }),
      ]));
      var item = was && byId('queue-list').querySelector('[data-id="' + CSS.escape(was) + '"]');
      if (item) item.focus();
    },
  });
}

/** No handoff open: the queue marks none, and the address is the inbox's again. */
function deselect() {
  state.selected = null;
  state.detail = null;
  state.built = null;
  history.replaceState(null, '', '/inbox');
  renderQueue();
}

/** The pane says why the handoff it showed is gone, instead of showing it as it was. */
function closeDetail(reason) {
  deselect();
  clear(byId('detail')).appendChild(h('div', { class: 'detail-empty', id: 'detail-gone' }, [
    backButton(),
    h('strong', { text: 'This handoff is not open to you' }),
    h('span', { text: reason.charAt(0).toUpperCase() + reason.slice(1) + '. Pick another from the queue.' }),
  ]));
}

function renderDetail() {
  var d = state.detail;
  if (state.built !== d.handoff.id) buildDetail();
  renderHead(d);
  renderActions(d);
  // the composer first: built after the transcript, it would push the newest lines out of view
  renderComposer(d);
  renderTranscript(d);
  renderPacket(d);
  renderNotes(d);
}

function buildDetail() {
  var pane = clear(byId('detail'));
  pane.appendChild(h('header', { class: 'detail-head' }, [
    backButton(),
    h('div', { id: 'd-head', class: 'head-info' }),
    h('div', { id: 'd-actions', class: 'head-actions' }),
  ]));
  pane.appendChild(h('div', { class: 'detail-body' }, [
    h('section', { class: 'conversation', 'aria-label': 'Conversation' }, [
      h('ol', { id: 'd-transcript', class: 'transcript' }),
      h('div', { id: 'd-composer', class: 'composer' }),
    ]),
    h('aside', { class: 'packet', 'aria-label': 'Escalation packet' }, [
      h('div', { id: 'd-packet' }),
      h('section', { class: 'card' }, [
        h('h3', { text: 'Internal notes' }),
        h('ul', { id: 'd-notes', class: 'notes' }),
        noteForm(state.detail.handoff.id),
      ]),
    ]),
  ]));
  state.built = state.detail.handoff.id;
  state.composerKey = null;
  state.actionsKey = null;
}

function renderHead(d) {
  var p = d.packet;
  var ho = d.handoff;
  var contact = p.customer.waId ? '+' + p.customer.waId : p.customer.userId || p.customer.id;
  var owner = ho.assignedAgentId === me.id ? 'you' : ho.assignedAgentName;
  var status = ho.status === 'resolved' && ENDINGS[ho.resolution]
    ? ENDINGS[ho.resolution]
    : owner && ho.status !== 'queued'
      ? (ho.status === 'resolved' ? 'Resolved by ' : 'Assigned to ') + owner
      : STATUS_LABELS[ho.status];
  clear(byId('d-head')).appendChild(h('div', null, [
    h('h2', null, [
      h('span', { dir: 'auto', text: customerName(p.customer) }),
      p.customer.tier === 'vip' ? tag('VIP', 'vip') : null,
    ]),
    h('p', { class: 'sub' }, [
      h('span', { dir: 'ltr', text: contact }),
      ' · ' + (LANGUAGES[d.language] || d.language) + ' · handoff ' + ho.id.slice(-6),
    ]),
    h('p', { class: 'head-tags' }, [
      h('span', { class: 'status s-' + ho.status, id: 'd-status', text: status }),
      badge(ho.priority),
      tag(QUEUE_NAMES[ho.queue] || ho.queue, 'queue'),
      p.afterHours ? tag('After hours', 'after') : null,
      ho.csat.score ? tag('CSAT ' + ho.csat.score + '/5', 'csat') : null,
      ho.csat.status === 'asked' ? tag('CSAT asked', 'muted') : null,
    ]),
  ]));
}

/** Why a message did not reach the customer, in words an agent can act on. */
function undelivered(m) {
  if (m.fix === 'window_closed') return 'the 24-hour window had closed; only a template reaches the customer now';
  if (m.fix === 'account') return 'the WhatsApp account itself was refused (code ' + m.errorCode + '); tell whoever runs Baton';
  return m.error || 'failed';
}

function renderTranscript(d) {
  var list = byId('d-transcript');
  var stick = list.scrollHeight - list.scrollTop - list.clientHeight < 60 || !list.firstChild;
  // "New" marks what the customer wrote after the last word from an agent, while it is open
  var fresh = {};
  var lastAgentAt = '';
  d.transcript.forEach(function (m) { if (m.author === 'agent' && m.at > lastAgentAt) lastAgentAt = m.at; });
  if (d.handoff.status !== 'resolved') {
    d.newMessages.forEach(function (m) { if (m.at > lastAgentAt) fresh[m.id] = true; });
  }
  clear(list);
  d.transcript.forEach(function (m, i) {
    var isNew = fresh[m.id];
    var who = m.author === 'customer' ? customerName(d.packet.customer) : authorOf(m);
    list.appendChild(h('li', { class: 'line from-' + m.author + (isNew ? ' new' : '') }, [
      h('span', { class: 'line-meta' }, [
        h('span', { class: 'line-who', dir: 'auto', text: who }),
        isNew ? h('span', { class: 'new-tag', text: 'New' }) : null,
        h('time', { datetime: m.at, title: dateTime(m.at), text: clock(m.at) }),
        m.direction === 'out' && DELIVERY[m.status] ? h('span', {
          class: 'tick t-' + m.status, title: DELIVERY[m.status][1], text: DELIVERY[m.status][0],
          // a screen reader says the word, not "check mark"
          role: 'img', 'aria-label': DELIVERY[m.status][1],
        }) : null,
      ]),
      h('p', { class: 'line-text', dir: 'auto', text: lineText(m) }),
      m.media ? mediaOf(d.handoff.id, m) : null,
      m.status === 'failed' ? h('span', { class: 'line-error' }, [
        'Not delivered: ' + undelivered(m),
        resendable(d, m, i) ? resendButton(d, m) : null,
      ]) : null,
      m.status === 'dropped' ? h('span', { class: 'line-error', text: 'Not sent: a person had the conversation by then' }) : null,
    ]));
  });
  if (stick) list.scrollTop = list.scrollHeight;
}

/** How far a message to the customer got, as WhatsApp's ticks show it, with the word beside them. */
var DELIVERY = {
  queued: ['…', 'Waiting to be sent'],
  sent: ['✓', 'Sent'],
  delivered: ['✓✓', 'Delivered'],
  read: ['✓✓ Read', 'Read by the customer'],
  played: ['✓✓ Played', 'Played by the customer'],
};

/**
 * The agent's own text that did not arrive can be sent again while they may reply with free text,
 * unless the channel refused it for a reason a second try cannot fix (a closed window, the account)
 * or the same words went out after it. A colleague's words are not sent under another name.
 */
function resendable(d, m, index) {
  if (m.author !== 'agent' || m.agentId !== me.id || m.type !== 'text' || !m.text || m.fix) return false;
  if (composerMode(d) !== 'open') return false;
  return !d.transcript.slice(index + 1).some(function (later) {
    return later.author === 'agent' && later.text === m.text && later.status !== 'failed';
  });
}

function resendButton(d, m) {
  var again = h('button', { type: 'button', class: 'btn small resend', text: 'Send again' });
  again.addEventListener('click', function () {
    // sending to a queued handoff claims it, as a reply does: follow it to Assigned
    var claims = d.handoff.status === 'queued';
    act(again, 'Queued for sending', async function () {
      await api('POST', handoffPath('reply'), { text: m.text });
      if (claims) state.tab = 'assigned';
      await refreshAll();
    });
  });
  return again;
}

/** The sandbox stores a tapped CSAT row by its id; show what the customer chose. */
function lineText(m) {
  var rating = m.direction === 'in' && /^csat_([1-5])$/.exec(m.text || '');
  if (rating) return 'Rated ' + rating[1] + '/5';
  return m.text || MEDIA_LABELS[m.type] || '[' + m.type + ']';
}

var MEDIA_LABELS = {
  image: 'Photo', audio: 'Voice note', video: 'Video', document: 'Document', sticker: 'Sticker',
  location: 'Location', contacts: 'Contact card',
};

// A live update rebuilds the transcript; the same element is put back, so a voice note keeps
// playing and a photo is not fetched again.
var mediaNodes = {};

/** The customer's file, fetched through the agent API (the channel's credentials stay on the server). */
function mediaOf(handoffId, m) {
  var key = handoffId + '/' + m.id;
  if (mediaNodes[key]) return mediaNodes[key];
  var url = '/api/handoffs/' + encodeURIComponent(handoffId) + '/media/' + encodeURIComponent(m.id);
  var label = MEDIA_LABELS[m.type] || 'File';
  var node;
  if (m.type === 'image' || m.type === 'sticker') {
    node = h('a', { class: 'line-media', href: url, target: '_blank', rel: 'noopener' }, [
      h('img', { src: url, alt: label + ' from the customer', loading: 'lazy' }),
    ]);
  } else if (m.type === 'audio' || m.type === 'video') {
    node = h('span', { class: 'line-media' }, [
      h(m.type, { src: url, controls: true, preload: 'metadata', 'aria-label': label + ' from the customer' }),
    ]);
  } else {
    node = h('span', { class: 'line-media' }, [h('a', { href: url, download: '', text: 'Download the ' + label.toLowerCase() })]);
  }
  var shown = node.querySelector('img, audio, video');
  if (shown) shown.addEventListener('error', function () { unavailable(node, url, label); });
  mediaNodes[key] = node;
  return node;
}

/** Says why a file did not load, in the server's words (expired, not a type the inbox shows…). */
async function unavailable(node, url, label) {
  var response = await fetch(url, { credentials: 'same-origin' }).catch(function () { return null; });
  var data = response ? await response.json().catch(function () { return null; }) : null;
  var reason = (data && data.message) || 'it could not be loaded';
  var note = h('span', { class: 'line-error', text: label + ' not available: ' + reason });
  if (node.parentNode) node.parentNode.replaceChild(note, node);
  for (var key in mediaNodes) if (mediaNodes[key] === node) mediaNodes[key] = note;
}

function card(title, children) {
  return h('section', { class: 'card' }, [h('h3', { text: title }), children]);
}

function factList(label, values, cls) {
  if (values.length === 0) return null;
  return h('div', { class: 'fact' }, [
    h('dt', { text: label }),
    h('dd', null, values.map(function (v) { return h('span', { class: 'fact-chip ' + cls, dir: 'auto', text: v }); })),
  ]);
}

function orderOnRecord(o) {
  var parts = [o.id + ' — ' + o.status.replace(/_/g, ' ') + (o.late ? ', late' : '')];
  if (o.eta) parts.push('ETA ' + o.eta);
  if (o.carrier) parts.push(o.carrier);
  if (o.items && o.items.length) {
    parts.push(o.items.map(function (i) { return i.qty + ' × ' + i.name; }).join(', '));
  }
  if (o.total !== undefined) parts.push(o.total + (o.currency ? ' ' + o.currency : ''));
  return parts.join(' · ');
}

function facts(f) {
  var media = f.media || [];
  var orders = f.orders || [];
  if (f.orderIds.length + f.amounts.length + media.length + orders.length === 0) {
    return h('p', { class: 'muted', text: 'No order numbers, amounts or media in the conversation.' });
  }
  return h('dl', { class: 'facts' }, [
    factList('Orders', f.orderIds, 'mono'),
    factList('On record', orders.map(orderOnRecord), ''),
    factList('Amounts', f.amounts, 'mono'),
    factList('Media', media, ''),
  ]);
}

function timing(label, value, cls) {
  var dd = h('dd', { class: cls || '' }, value);
  return h('div', { class: 'fact' }, [h('dt', { text: label }), dd]);
}

/** The click-to-WhatsApp ad, as text: its link is the advertiser's, shown, never followed. */
function adLines(ad) {
  return h('dl', { class: 'facts' }, [
    ad.headline ? timing('Headline', h('span', { dir: 'auto', text: ad.headline })) : null,
    ad.body ? timing('Text', h('span', { dir: 'auto', text: ad.body })) : null,
    ad.sourceType || ad.sourceUrl ? timing('Source', [ad.sourceType, ad.sourceUrl].filter(Boolean).join(' · ')) : null,
  ]);
}

function renderPacket(d) {
  var p = d.packet;
  var ho = d.handoff;
  var overdue = ho.status === 'queued' && Date.parse(p.slaDueAt) < Date.now();
  var meter = h('span', { class: 'meter' }, h('span', { class: 'meter-fill' }));
  meter.firstChild.style.width = Math.round(p.frustration * 100) + '%';
  clear(byId('d-packet')).append(
    card('Summary', h('p', { class: 'summary' }, isolatedQuotes(p.summary))),
    card('Why escalated', [
      h('ul', { class: 'reasons' }, p.reasons.map(function (r) {
        // the quote marks stay where English puts them; the customer's words keep their own direction
        return h('li', null, [reasonChip(r.code, r.topics), h('q', null, h('bdi', { text: r.evidence }))]);
      })),
      h('dl', { class: 'facts' }, [
        timing('Frustration', [meter, h('span', { class: 'muted', text: p.frustration.toFixed(2) })]),
        timing('Intent', p.intent.replace(/_/g, ' ')),
      ]),
    ]),
    card('Facts', facts(p.facts)),
    p.referral ? card('Came from an ad', adLines(p.referral)) : '',
    card('Timing', h('dl', { class: 'facts' }, [
      timing('Created', dateTime(ho.createdAt) + ' (' + relative(ho.createdAt) + ')'),
      // a countdown only while someone still has to pick it up
      timing('SLA due', dateTime(p.slaDueAt) + (ho.status === 'queued' ? ' (' + relative(p.slaDueAt) + ')' : ''), overdue ? 'overdue' : ''),
      timing('Business hours', p.afterHours ? 'No — arrived after hours' : 'Yes'),
      ho.claimedAt ? timing('Claimed', dateTime(ho.claimedAt)) : null,
      ho.resolvedAt ? timing('Resolved', dateTime(ho.resolvedAt)) : null,
    ])),
    p.botAttempts.length
      ? card('What the bot tried', h('ul', { class: 'attempts' }, attemptCounts(p.botAttempts).map(function (a) {
          return h('li', { dir: 'auto', text: a });
        })))
      : '',
  );
}

function renderNotes(d) {
  var list = clear(byId('d-notes'));
  if (d.notes.length === 0) list.appendChild(h('li', { class: 'muted', text: 'No notes yet.' }));
  d.notes.forEach(function (note) {
    list.appendChild(h('li', null, [
      h('p', { dir: 'auto', text: note.text }),
      h('small', { text: noteAuthor(note) + ' · ' + dateTime(note.createdAt) }),
    ]));
  });
}

/** An agent's line names who wrote it, "You" for this agent; the others as the queue shows them. */
function authorOf(m) {
  if (m.author !== 'agent') return AUTHORS[m.author] || m.author;
  if (m.agentId && m.agentId === me.id) return 'You';
  return m.agentName || AUTHORS.agent;
}

/** Each thing the bot tried once, with how often, as the summary says it: "could not find an answer (3 times)". */
function attemptCounts(attempts) {
  var counts = {};
  var order = [];
  attempts.forEach(function (a) {
    if (!(a in counts)) { counts[a] = 0; order.push(a); }
    counts[a] += 1;
  });
  return order.map(function (a) { return counts[a] > 1 ? a + ' (' + counts[a] + ' times)' : a; });
}

/** Baton writes notes too (a raise, an agent removed): those have no agent. */
function noteAuthor(note) {
  if (!note.agentId) return 'Baton';
  return note.agentId === me.id ? 'You' : note.agentName || 'A colleague';
}

function noteForm(handoffId) {
  var draft = 'note:' + handoffId;
  var input = h('textarea', { id: 'note-text', rows: 2, maxlength: 4000, placeholder: 'Add a note for colleagues (the customer never sees it)', dir: 'auto', value: state.drafts[draft] || '' });
  input.addEventListener('input', function () { keepDraft(draft, input.value); });
  var button = h('button', { type: 'submit', class: 'btn', text: 'Add note' });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) button.click();
  });
  return h('form', {
    class: 'note-form',
    onsubmit: function (event) {
      event.preventDefault();
      var text = input.value.trim();
      if (!text) return;
      act(button, 'Note added', async function () {
        await api('POST', '/api/handoffs/' + encodeURIComponent(handoffId) + '/notes', { text: text });
        input.value = unsent(input.value, text);
        keepDraft(draft, input.value);
        await loadDetail();
      });
    },
  }, [input, button]);
}
`;
