/**
 * What an agent can do with a handoff: claim, transfer, resolve, and reply — free text while the
 * 24-hour window is open, an approved template once it has closed (WhatsApp drops anything else).
 * Both parts are rebuilt only when their situation changes, keeping selections and drafts.
 */
export const inboxComposer = `
function handoffPath(action) {
  return '/api/handoffs/' + encodeURIComponent(state.selected) + '/' + action;
}

function renderActions(d) {
  var ho = d.handoff;
  var key = ho.id + ho.status + ho.queue + ho.assignedAgentId;
  if (state.actionsKey === key) return;
  state.actionsKey = key;
  var box = clear(byId('d-actions'));
  if (ho.status === 'resolved') return;
  if (ho.status === 'queued') {
    var claim = h('button', { type: 'button', class: 'btn primary', id: 'claim', text: 'Claim' });
    claim.addEventListener('click', function () {
      act(claim, null, async function () {
        var claimed = await api('POST', handoffPath('claim'));
        toast(claimed.announced ? 'Claimed — the customer was told you joined' : 'Claimed', 'ok');
        delete state.movedByMe[ho.id];
        // Follow the handoff to the tab it now lives in, so it stays in view.
        state.tab = 'assigned';
        await refreshAll();
        // the Claim button is gone: the keyboard goes on to the reply box, not back to the page
        var reply = byId('reply-text');
        if (reply) reply.focus();
      });
    });
    box.appendChild(claim);
  }
  var select = h('select', { id: 'transfer-queue', 'aria-label': 'Transfer to queue' },
    [h('option', { value: '', text: 'Transfer to…' })].concat(QUEUE_IDS.filter(function (q) { return q !== ho.queue; })
      .map(function (q) { return h('option', { value: q, text: QUEUE_NAMES[q] || q }); })));
  // why, for the team it goes to: kept on the handoff's note of the move
  var why = h('input', { type: 'text', id: 'transfer-note', maxlength: 1000, dir: 'auto', placeholder: 'Why (optional)', 'aria-label': 'Why transfer it (optional, for the next team)' });
  var transfer = h('button', { type: 'button', class: 'btn', id: 'transfer', text: 'Transfer' });
  transfer.addEventListener('click', function () {
    if (!select.value) return toast('Choose a queue to transfer to', 'error');
    var note = why.value.trim();
    act(transfer, 'Transferred to ' + (QUEUE_NAMES[select.value] || select.value), async function () {
      await moveMyself(ho.id, note ? { queue: select.value, note: note } : { queue: select.value }, 'transfer');
      await refreshAll();
    });
  });
  var resolve = h('button', { type: 'button', class: 'btn success', id: 'resolve', text: 'Resolve' });
  resolve.addEventListener('click', function () {
    if (!answeredLast(state.detail) &&
      !confirm("The customer's last message has no reply from an agent. Resolve anyway?")) return;
    act(resolve, 'Resolved — back with the bot', async function () {
      await api('POST', handoffPath('resolve'));
      // follow it to the tab it now lives in, as a claim does
      state.tab = 'resolved';
      await refreshAll();
    });
  });
  // a colleague's conversation is theirs to close (the API says so too)
  var theirs = ho.status === 'assigned' && ho.assignedAgentId !== me.id;
  append(box, [
    h('span', { class: 'transfer' }, [select, why, transfer]),
    ho.status === 'assigned' ? releaseButton(ho, theirs) : null,
    theirs ? null : resolve,
  ]);
}

/** A move that is the agent's own: no "moved by a colleague" when its event arrives. */
async function moveMyself(id, body, action) {
  state.movedByMe[id] = true;
  try {
    await api('POST', handoffPath(action), body);
  } catch (error) {
    delete state.movedByMe[id];
    throw error;
  }
}

/**
 * Back to its own queue, unassigned: the end of a shift, or a colleague who went home with it.
 * The agent may leave a note for whoever takes it next; cancelling releases nothing.
 */
function releaseButton(ho, theirs) {
  var release = h('button', { type: 'button', class: 'btn', id: 'release', text: 'Release to queue' });
  release.addEventListener('click', function () {
    var ask = (theirs ? (ho.assignedAgentName || 'A colleague') + ' has this handoff. ' : '') +
      'Release it to the ' + (QUEUE_NAMES[ho.queue] || ho.queue) + ' queue? A note for whoever takes it next (optional):';
    var note = prompt(ask, '');
    if (note === null) return;
    act(release, 'Released to ' + (QUEUE_NAMES[ho.queue] || ho.queue), async function () {
      await moveMyself(ho.id, note.trim() ? { note: note.trim().slice(0, 1000) } : undefined, 'release');
      state.tab = 'queued';
      await refreshAll();
      // the button is gone: the keyboard goes to the handoff in the queue, not back to the page;
      // on a phone, where the queue is hidden behind the pane, to Claim
      var item = byId('queue-list').querySelector('[data-id="' + CSS.escape(ho.id) + '"]');
      var next = item && item.offsetParent !== null ? item : byId('claim');
      if (next) next.focus();
    });
  });
  return release;
}

/** An agent wrote after the customer's last message: resolving leaves nothing unanswered. */
function answeredLast(d) {
  var lines = d ? d.transcript : [];
  for (var i = lines.length - 1; i >= 0; i--) {
    if (lines[i].author === 'agent') return true;
    if (lines[i].author === 'customer') return false;
  }
  return true;
}

/** The most a WhatsApp text may hold. */
var REPLY_LIMIT = 4096;

function composerMode(d) {
  var ho = d.handoff;
  if (ho.status === 'resolved') return 'resolved';
  if (ho.status === 'assigned' && ho.assignedAgentId !== me.id) return 'other';
  return d.window.open ? 'open' : 'closed';
}

/** A resolved handoff says how it ended; a reply the agent had not sent stays readable. */
function renderEnded(box, d) {
  var ho = d.handoff;
  var csat = ho.csat;
  box.appendChild(h('p', { class: 'composer-note' }, [
    (ENDINGS[ho.resolution] || 'Resolved') + ' ' + dateTime(ho.resolvedAt) + ' — the conversation is back with the bot. ',
    csat.score ? 'CSAT ' + csat.score + '/5.' : csat.status === 'asked' ? 'CSAT asked, no answer yet.' : 'CSAT not asked.',
  ]));
  var draft = state.drafts[ho.id];
  if (draft) {
    box.appendChild(h('label', { class: 'composer-note', for: 'unsent-draft', text: 'Your reply was not sent:' }));
    box.appendChild(h('textarea', { id: 'unsent-draft', rows: 3, dir: 'auto', readonly: true, value: draft }));
  }
}

function renderComposer(d) {
  var mode = composerMode(d);
  // the status too: once claimed, "sending claims it" no longer holds
  var key = d.handoff.id + mode + d.handoff.status + d.window.closesAt + d.handoff.csat.status;
  if (state.composerKey === key) return;
  state.composerKey = key;
  var box = clear(byId('d-composer'));
  if (mode === 'resolved') return renderEnded(box, d);
  if (mode === 'other') {
    box.appendChild(h('p', { class: 'composer-note', text: 'Another agent has this handoff. Release or transfer it, or add a note.' }));
    return;
  }
  if (mode === 'closed') return renderTemplates(box, d);
  var text = h('textarea', {
    id: 'reply-text', rows: 3, dir: 'auto', maxlength: REPLY_LIMIT,
    placeholder: 'Reply to ' + customerName(d.packet.customer) + ' on WhatsApp… (Ctrl+Enter sends)',
    value: state.drafts[d.handoff.id] || '',
  });
  var send = h('button', { type: 'submit', class: 'btn primary', id: 'reply-send', text: 'Send' });
  // WhatsApp's limit, which the box enforces: said only as it comes near, so it is no clutter before
  var count = h('span', { class: 'reply-count', id: 'reply-count', 'aria-live': 'polite' });
  function countLeft() {
    var left = REPLY_LIMIT - text.value.length;
    count.textContent = left <= 300 ? (left === 0 ? 'No characters left' : left + ' characters left') : '';
    count.classList.toggle('full', left === 0);
  }
  countLeft();
  text.addEventListener('input', function () {
    keepDraft(d.handoff.id, text.value);
    countLeft();
  });
  text.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) send.click();
  });
  // the last moment free text is taken, not the window's end: the margin before it is refused
  var hint = 'Free text until ' + dateTime(d.window.freeTextUntil) + ' (' + relative(d.window.freeTextUntil) + ')';
  box.appendChild(h('form', {
    class: 'reply-form',
    onsubmit: function (event) {
      event.preventDefault();
      var body = text.value.trim();
      if (!body) return;
      // a first reply to a queued handoff claims it: the handoff is followed to Assigned, as Claim does
      var claims = d.handoff.status === 'queued';
      // the outbox sends it: a failure shows under the line in the transcript
      act(send, 'Queued for sending', async function () {
        await api('POST', handoffPath('reply'), { text: body });
        if (claims) state.tab = 'assigned';
        // what was typed while it went out stays in the box
        text.value = unsent(text.value, body);
        keepDraft(d.handoff.id, text.value);
        countLeft();
        await refreshAll();
      });
    },
  }, [
    text,
    h('div', { class: 'reply-bar' }, [
      h('span', { class: 'window open', text: d.handoff.status === 'queued' ? hint + ' · sending claims it' : hint }),
      count,
      send,
    ]),
  ]));
}

function renderTemplates(box, d) {
  // Free text stops a few minutes before WhatsApp's deadline, so a reply in flight still lands.
  var closing = Date.parse(d.window.closesAt) > Date.now();
  var closed = closing
    ? 'The 24-hour window closes ' + dateTime(d.window.closesAt) + ' (' + relative(d.window.closesAt) + '); free text stops in its last minutes so it cannot arrive too late.'
    : 'The 24-hour window closed ' + dateTime(d.window.closesAt) + ' (' + relative(d.window.closesAt) + ').';
  box.appendChild(h('textarea', { rows: 2, disabled: true, placeholder: 'Free text is disabled: WhatsApp would not deliver it.' }));
  box.appendChild(h('p', { class: 'window closed', id: 'window-closed', text: closed + ' Only an approved template can reach the customer now.' }));
  if (d.templates.length === 0) {
    box.appendChild(h('p', { class: 'composer-note', text: 'No templates are configured (WHATSAPP_TEMPLATES). Ask the customer to write again, or resolve.' }));
    return;
  }
  var params = h('span', { class: 'template-params' });
  // one option per template and language; the customer's language comes first
  var customerLanguage = d.language;
  var choose = h('select', { id: 'template-name', 'aria-label': 'Template' }, d.templates.map(function (t, i) {
    return h('option', { value: String(i), text: t.name + ' (' + t.language + ')' });
  }));
  var preferred = d.templates.findIndex(function (t) { return t.language.split('_')[0] === customerLanguage; });
  if (preferred >= 0) choose.value = String(preferred);
  function chosen() { return d.templates[Number(choose.value)]; }
  function drawParams() {
    var template = chosen();
    clear(params);
    for (var i = 0; i < (template ? template.parameters : 0); i++) {
      params.appendChild(h('input', { type: 'text', class: 'template-param', placeholder: '{{' + (i + 1) + '}}', 'aria-label': 'Parameter ' + (i + 1) }));
    }
  }
  choose.addEventListener('change', drawParams);
  drawParams();
  var send = h('button', { type: 'button', class: 'btn primary', text: 'Send template' });
  send.addEventListener('click', function () {
    var values = Array.prototype.map.call(params.querySelectorAll('input'), function (input) { return input.value.trim(); });
    if (values.some(function (value) { return value === ''; })) return toast('Fill in every template parameter', 'error');
    act(send, 'Template sent', async function () {
      var template = chosen();
      await api('POST', handoffPath('reply'), { template: { name: template.name, language: template.language, parameters: values } });
      await refreshAll();
    });
  });
  box.appendChild(h('div', { class: 'reply-bar' }, [choose, params, send]));
}
`;
