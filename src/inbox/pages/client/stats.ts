/** The KPI panel over the last 7 days, from GET /api/stats, for all the agent's queues or one. */
export const inboxStats = `
var statsQueue = '';

function myQueues() {
  var mine = (document.body.dataset.agentQueues || '').split(',').filter(Boolean);
  return mine.indexOf('*') >= 0 ? QUEUE_IDS : mine;
}

async function loadStats() {
  try {
    renderStats(await api('GET', '/api/stats' + (statsQueue ? '?queue=' + encodeURIComponent(statsQueue) : '')));
  } catch (error) {
    toast('Could not load the KPIs: ' + error.message, 'error');
  }
}

function percent(rate) {
  return rate === null ? '—' : Math.round(rate * 100) + '%';
}

function kpi(label, value, sub, extra) {
  return h('div', { class: 'kpi' }, [
    h('span', { class: 'kpi-label', text: label }),
    h('strong', { class: 'kpi-value', text: value }),
    sub ? h('span', { class: 'kpi-sub', text: sub }) : null,
    extra || null,
  ]);
}

/** Horizontal bars for a count per key; widths are set through CSSOM, which the CSP allows. */
function bars(counts, labels) {
  var entries = Object.keys(counts).map(function (key) { return [key, counts[key]]; })
    .sort(function (a, b) { return b[1] - a[1]; });
  var max = Math.max.apply(null, entries.map(function (e) { return e[1]; }).concat([1]));
  if (entries.length === 0) return h('span', { class: 'kpi-sub', text: 'No handoffs yet' });
  // The rows are display: contents, so the label column is as wide as the longest label.
  return h('ul', { class: 'bars' }, entries.map(function (entry) {
    var fill = h('span', { class: 'bar-fill' });
    fill.style.width = Math.max(4, Math.round((entry[1] / max) * 100)) + '%';
    return h('li', null, [
      h('span', { class: 'bar-label', text: (labels && labels[entry[0]]) || entry[0] }),
      h('span', { class: 'bar' }, fill),
      h('span', { class: 'bar-count', text: String(entry[1]) }),
    ]);
  }));
}

function csatBars(distribution) {
  var max = Math.max(1, Math.max.apply(null, Object.keys(distribution).map(function (k) { return distribution[k]; })));
  return h('span', { class: 'csat-dist', 'aria-label': 'CSAT distribution' }, ['1', '2', '3', '4', '5'].map(function (score) {
    var column = h('span', { class: 'csat-col' });
    column.style.height = Math.max(6, Math.round((distribution[score] / max) * 100)) + '%';
    return h('span', { class: 'csat-slot', title: score + ': ' + distribution[score] }, [
      column, h('span', { class: 'csat-score', text: score }),
    ]);
  }));
}

function renderStats(s) {
  var avg = s.csat.average === null ? '—' : s.csat.average.toFixed(1);
  var panel = clear(byId('kpis'));
  var queues = myQueues();
  if (queues.length > 1) {
    var scope = h('select', { id: 'kpi-queue', 'aria-label': 'KPIs for' }, [h('option', { value: '', text: 'All my queues' })]
      .concat(queues.map(function (q) { return h('option', { value: q, text: QUEUE_NAMES[q] || q }); })));
    scope.value = statsQueue;
    scope.addEventListener('change', function () {
      statsQueue = scope.value;
      loadStats();
    });
    panel.append(h('div', { class: 'kpi' }, [
      h('span', { class: 'kpi-label', text: 'Showing' }),
      scope,
      h('span', { class: 'kpi-sub', text: 'last 7 days' }),
    ]));
  }
  panel.append(
    kpi('Containment', percent(s.containmentRate), s.conversations
      ? s.kept + ' of ' + s.conversations + ' kept by the bot'
      : 'no conversations yet'),
    kpi('Escalated', String(s.escalated), s.conversations
      ? percent(s.escalationRate) + ' · ' + s.resolved + ' resolved' + (s.withdrawn ? ' · ' + s.withdrawn + ' withdrawn' : '')
        + (s.handedBackIdle ? ' · ' + s.handedBackIdle + ' handed back idle' : '')
      : 'handed to a person'),
    kpi('First reply', duration(s.timeToFirstReplyMs.median), 'median, by an agent'),
    kpi('Resolution', duration(s.resolutionTimeMs.median), 'median, from handoff to an agent resolving it'),
    kpi('CSAT', avg + (s.csat.average === null ? '' : ' / 5'), s.csat.answered + (s.csat.answered === 1 ? ' rating' : ' ratings'), csatBars(s.csat.distribution)),
    h('div', { class: 'kpi wide' }, [h('span', { class: 'kpi-label', text: 'Escalations by reason' }), bars(s.byReason, REASONS)]),
    h('div', { class: 'kpi wide' }, [h('span', { class: 'kpi-label', text: 'By queue' }), bars(s.byQueue, QUEUE_NAMES)]),
  );
}
`;
