import { domHelpers } from '../../inbox/pages/client/dom.js';
import { simulatorTexts } from './texts.js';

/**
 * The simulator's script: posts what the customer types or taps to POST /api/sandbox/messages and
 * polls GET /api/sandbox/messages, re-rendering the chat only when it changed. Everything from
 * the server is inserted as text.
 */
const simulator = String.raw`
// WhatsApp's limits, which the API enforces: a text's is the input's maxlength
var CAPTION_LIMIT = 1024;

var state = {
  lang: document.body.dataset.lang,
  waId: byId('wa-id').value,
  name: byId('name').value,
  sig: '',
  count: 0,
  typingUntil: 0,
  timer: null,
  polling: false,
};

function t(key) {
  return TEXTS[state.lang][key];
}

function remember() {
  try {
    localStorage.setItem('baton.sandbox', JSON.stringify({ waId: state.waId, name: state.name, lang: state.lang }));
  } catch (ignored) {}
}

function restore() {
  if (location.search) return;
  try {
    var saved = JSON.parse(localStorage.getItem('baton.sandbox') || 'null');
    if (!saved) return;
    state.waId = byId('wa-id').value = saved.waId || state.waId;
    state.name = byId('name').value = saved.name || '';
    if (TEXTS[saved.lang]) state.lang = saved.lang;
  } catch (ignored) {}
}

function applyLanguage() {
  var root = document.documentElement;
  root.lang = state.lang;
  root.dir = state.lang === 'ar' ? 'rtl' : 'ltr';
  document.title = t('title') + ' · Baton';
  document.querySelectorAll('[data-t]').forEach(function (node) { node.textContent = t(node.getAttribute('data-t')); });
  document.querySelectorAll('[data-choose-lang]').forEach(function (button) {
    button.setAttribute('aria-pressed', String(button.getAttribute('data-choose-lang') === state.lang));
  });
  var text = byId('text');
  text.placeholder = t('placeholder');
  text.setAttribute('aria-label', t('placeholder'));
  byId('send').setAttribute('aria-label', t('send'));
  byId('attach').setAttribute('aria-label', t('attach'));
  byId('attach').title = t('attach');
  var samples = clear(byId('samples'));
  TEXTS[state.lang].samples.forEach(function (sample) {
    samples.appendChild(h('button', { type: 'button', class: 'sample', dir: 'auto', text: sample, onclick: function () { send({ text: sample }); } }));
  });
  state.sig = '';
  poll();
}

function showError(message) {
  byId('error').textContent = message;
}

// Resolves to whether the message went: what the customer typed is theirs to try again otherwise.
async function send(input) {
  if (!/^\d{6,15}$/.test(state.waId)) {
    showError(t('badPhone'));
    return false;
  }
  showError('');
  var body = Object.assign({ waId: state.waId }, state.name ? { name: state.name } : {}, input);
  var response;
  try {
    response = await fetch('/api/sandbox/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    showError(t('sendFailed') + ' ' + t('unreachable'));
    return false;
  }
  if (!response.ok) {
    var problem = await response.json().catch(function () { return {}; });
    showError(t('sendFailed') + ' ' + (problem.message || 'HTTP ' + response.status));
    return false;
  }
  state.typingUntil = Date.now() + 8000;
  poll();
  return true;
}

/** Sends what the box holds, emptied at once for the next message, and given back if it did not go. */
async function sendFromBox(message) {
  var box = byId('text');
  var typed = box.value;
  box.value = '';
  if (!(await send(message)) && !box.value) box.value = typed;
}

async function poll() {
  clearTimeout(state.timer);
  if (state.polling) return;
  state.polling = true;
  try {
    if (/^\d{6,15}$/.test(state.waId)) {
      var response = await fetch('/api/sandbox/messages?waId=' + state.waId);
      if (response.ok) render((await response.json()).messages);
    }
  } catch (ignored) {
    // The server restarting is not worth a message; the next poll tries again.
  } finally {
    state.polling = false;
    state.timer = setTimeout(poll, 700);
  }
}

function mediaLabel(type) {
  return type === 'image' ? '📷 ' + t('photo') : '📎 ' + t('media');
}

/**
 * The sandbox sends a tapped choice by id and the stored inbound text is that id (csat_5); show
 * the title the customer saw instead, as WhatsApp would.
 */
function choiceTitles(messages) {
  var titles = {};
  messages.forEach(function (m) {
    (m.buttons || []).concat(m.rows || []).forEach(function (choice) { titles[choice.id] = choice.title; });
  });
  return titles;
}

function bubble(m, titles) {
  var mine = m.direction === 'in';
  var choices = (m.buttons || []).concat(m.rows || []);
  var meta = [h('time', { datetime: m.at, text: clock(m.at) })];
  if (mine) meta.push(h('span', { class: 'ticks' + (m.status === 'done' ? ' read' : ''), text: m.status === 'received' ? '✓' : '✓✓' }));
  if (m.status === 'failed') meta.push(h('span', { class: 'failed', text: t('failed') }));
  return h('li', { class: 'msg ' + (mine ? 'mine' : 'theirs from-' + m.author), 'data-author': m.author }, [
    h('div', { class: 'bubble' }, [
      mine ? null : h('span', { class: 'author', text: m.author === 'agent' ? t('agent') : t('bot') }),
      h('p', { class: 'text', dir: 'auto', text: (mine && titles[m.text]) || m.text || mediaLabel(m.type) }),
      h('span', { class: 'meta' }, meta),
    ]),
    choices.length
      ? h('div', { class: m.rows ? 'choices list' : 'choices' }, choices.map(function (choice) {
          return h('button', { type: 'button', class: 'choice', dir: 'auto', 'data-choice': choice.id, text: choice.title, onclick: function () { send({ button: choice.id }); } });
        }))
      : null,
  ]);
}

function render(messages) {
  var sig = state.lang + JSON.stringify(messages);
  if (sig === state.sig) return;
  state.sig = sig;
  var chat = byId('chat');
  var nearBottom = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 80;
  var grew = messages.length > state.count;
  state.count = messages.length;
  clear(chat).appendChild(h('li', { class: 'notice', text: t('notice') }));
  var titles = choiceTitles(messages);
  messages.forEach(function (m) { chat.appendChild(bubble(m, titles)); });
  var last = messages[messages.length - 1];
  if (last && last.direction === 'out') state.typingUntil = 0;
  byId('presence').textContent = Date.now() < state.typingUntil ? t('typing') : t('online');
  if (grew || nearBottom) chat.scrollTop = chat.scrollHeight;
}

function start() {
  restore();
  byId('composer').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = byId('text').value.trim();
    if (text) sendFromBox({ text: text });
  });
  byId('attach').addEventListener('click', function () {
    var caption = byId('text').value.trim();
    // WhatsApp's limit for a caption, which is shorter than a text's
    if (caption.length > CAPTION_LIMIT) return showError(t('captionTooLong'));
    sendFromBox(caption ? { type: 'image', caption: caption } : { type: 'image' });
  });
  byId('wa-id').addEventListener('change', function (event) {
    state.waId = event.target.value.trim();
    state.sig = '';
    state.count = 0;
    remember();
    poll();
  });
  byId('name').addEventListener('change', function (event) {
    state.name = event.target.value.trim();
    remember();
  });
  document.querySelectorAll('[data-choose-lang]').forEach(function (button) {
    button.addEventListener('click', function () {
      state.lang = button.getAttribute('data-choose-lang');
      remember();
      applyLanguage();
    });
  });
  applyLanguage();
  // The typing indicator expires on its own, without a new message.
  setInterval(function () {
    if (state.typingUntil && Date.now() > state.typingUntil) byId('presence').textContent = t('online');
  }, 1000);
}

start();
`;

export const simulatorScript = [
  "(function () {\n'use strict';",
  `var TEXTS = ${JSON.stringify(simulatorTexts)};`,
  domHelpers,
  simulator,
  '})();\n',
].join('\n');
