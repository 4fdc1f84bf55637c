/**
 * Browser helpers shared by the inbox and the simulator scripts, as plain JS text (the pages ship
 * without a bundler). `h` builds elements from data with `textContent` and `setAttribute` only,
 * so no data is ever parsed as HTML; the pages' Trusted Types policy would refuse it anyway.
 * The client code avoids template literals and backslashes (String.raw where it needs them), so
 * the TypeScript string is the script verbatim; a test parses every served script.
 */
export const domHelpers = `
function h(tag, attrs, children) {
  var node = document.createElement(tag);
  var key;
  for (key in attrs || {}) {
    var value = attrs[key];
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = String(value);
    else if (key.indexOf('on') === 0) node.addEventListener(key.slice(2), value);
    else if (key === 'value') node.value = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  if (children === undefined || children === null || children === false) return;
  if (Array.isArray(children)) {
    children.forEach(function (child) { append(node, child); });
    return;
  }
  node.appendChild(typeof children === 'string' || typeof children === 'number'
    ? document.createTextNode(String(children))
    : children);
}

/** Direction marks and overrides a customer's name may carry (stored before Baton took them out). */
var BIDI_CONTROLS = new RegExp('[' + String.fromCharCode(
  0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069) + ']', 'g');

function plain(text) {
  return String(text).replace(BIDI_CONTROLS, '');
}

// A summary is in the agent's language around the customer's words: each "quote" keeps its own
// direction, or an Arabic sentence with a Latin order id in it reads out of order.
function isolatedQuotes(text) {
  text = plain(text);
  var parts = text.split('"');
  if (parts.length < 3 || parts.length % 2 === 0) return text;
  return parts.map(function (part, i) { return i % 2 ? h('bdi', { text: '"' + part + '"' }) : part; });
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

function byId(id) {
  return document.getElementById(id);
}

function clock(iso) {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function dateTime(iso) {
  return new Date(iso).toLocaleString([], {
    month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
  });
}

function duration(ms) {
  if (ms === null || ms === undefined) return '—';
  var minutes = Math.round(Math.abs(ms) / 60000);
  if (minutes < 1) return Math.max(0, Math.round(Math.abs(ms) / 1000)) + 's';
  if (minutes < 60) return minutes + 'm';
  var hours = Math.floor(minutes / 60);
  if (hours < 48) return hours + 'h ' + (minutes % 60) + 'm';
  return Math.floor(hours / 24) + 'd ' + (hours % 24) + 'h';
}

/** Runs fn once calls have stopped for ms. */
function debounce(fn, ms) {
  var timer = null;
  return function () {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

/** Merges calls made within ms into one run at the end; a steady stream still runs every ms. */
function coalesce(fn, ms) {
  var timer = null;
  return function () {
    if (timer !== null) return;
    timer = setTimeout(function () {
      timer = null;
      fn();
    }, ms);
  };
}
`;
