/** The inbox stylesheet: system fonts, no external assets, logical properties for RTL text. */
export const inboxStyles = `
:root {
  --bg: #f3f5f8; --surface: #fff; --line: #e2e7ee; --ink: #14202b; --muted: #5f6d7c;
  --brand: #0f766e; --brand-ink: #fff; --brand-soft: #e6f4f2; --head: #0c1b24;
  --urgent: #b42318; --urgent-bg: #fee4e2; --high: #b54708; --high-bg: #fef0c7;
  --normal: #175cd3; --normal-bg: #e0edff; --low: #475467; --low-bg: #eef1f5;
  --radius: 10px; --shadow: 0 1px 2px rgba(16, 24, 40, .06), 0 1px 3px rgba(16, 24, 40, .08);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
  color: var(--ink); background: var(--bg); font-size: 14px; line-height: 1.45;
}
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; }
h1, h2, h3, p { margin: 0; }
button, input, select, textarea { font: inherit; color: inherit; }
.muted { color: var(--muted); }

.btn { border: 1px solid var(--line); background: var(--surface); border-radius: 8px; padding: 7px 14px;
  font-weight: 600; cursor: pointer; }
.btn:hover { border-color: #c4ccd6; background: #f8fafc; }
.btn:disabled { opacity: .55; cursor: progress; }
.btn.small { padding: 2px 8px; font-size: 12px; border-radius: 6px; }
.reply-count { font-size: 12px; color: var(--muted); white-space: nowrap; }
.reply-count.full { color: var(--urgent); font-weight: 600; }
.btn.primary { background: var(--brand); border-color: var(--brand); color: var(--brand-ink); }
.btn.primary:hover { background: #0d645d; }
.btn.success { background: #067647; border-color: #067647; color: #fff; }
.btn.ghost { background: transparent; color: #d6e2ea; border-color: #2c4352; }
select, input[type=text], input[type=password], textarea { border: 1px solid var(--line); border-radius: 8px;
  padding: 7px 10px; background: #fff; }
textarea { width: 100%; resize: vertical; }
:focus-visible { outline: 2px solid #5fb3ab; outline-offset: 1px; }

/* Sign-in */
.login { display: grid; place-items: center; min-height: 100vh;
  background: radial-gradient(circle at 20% 10%, #134e4a 0, var(--head) 55%); }
.login-card { width: min(400px, 92vw); background: var(--surface); border-radius: 16px; padding: 32px;
  box-shadow: 0 20px 50px rgba(0, 0, 0, .3); display: grid; gap: 14px; }
.login-card h1 { font-size: 22px; }
.login-card label { display: grid; gap: 6px; font-weight: 600; }
.login-card .hint { color: var(--muted); font-size: 12.5px; }
.login-card code { background: var(--low-bg); padding: 1px 5px; border-radius: 4px; font-size: 12px; }
.login-error { color: var(--urgent); min-height: 1.2em; }
.logo { display: inline-grid; place-items: center; width: 30px; height: 30px; border-radius: 8px;
  background: linear-gradient(135deg, #14b8a6, #0f766e); color: #fff; font-weight: 800; }

/* Frame */
.inbox { display: grid; grid-template-rows: auto auto 1fr; height: 100vh; }
.topbar { display: flex; align-items: center; justify-content: space-between; gap: 16px; padding: 10px 20px;
  background: var(--head); color: #e8f0f4; }
.brand { display: flex; align-items: center; gap: 10px; font-weight: 700; font-size: 16px; }
.brand-sub { color: #93a8b6; font-weight: 500; font-size: 13px; }
.topbar-right { display: flex; align-items: center; gap: 14px; font-size: 13px; }
.me small { color: #93a8b6; margin-inline-start: 4px; }
.live { display: inline-flex; align-items: center; gap: 6px; color: #f4c16c; }
.live::before { content: ""; width: 8px; height: 8px; border-radius: 50%; background: currentColor; }
.live.on { color: #4ade80; }

/* KPIs */
.kpis-box { background: var(--surface); border-bottom: 1px solid var(--line); }
.kpis-box > summary { cursor: pointer; padding: 6px 20px; font-size: 12px; font-weight: 600; color: var(--muted); }
.kpis-box:not([open]) > summary { padding-block: 5px; }
.kpis-box .kpis { border-bottom: 0; padding-top: 0; }
.kpis { display: grid;
  grid-template-columns: repeat(4, minmax(110px, 1fr)) minmax(170px, 1.25fr) minmax(220px, 1.6fr) minmax(180px, 1.3fr);
  gap: 10px; padding: 12px 20px; background: var(--surface); border-bottom: 1px solid var(--line); }
.kpi { display: flex; flex-direction: column; gap: 2px; padding: 8px 12px; border: 1px solid var(--line);
  border-radius: var(--radius); min-width: 0; position: relative; }
.kpi-label { font-size: 11.5px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 600; }
.kpi-value { font-size: 22px; line-height: 1.2; }
.kpi-sub { font-size: 12px; color: var(--muted); }
.bars { list-style: none; margin: 4px 0 0; padding: 0; display: grid; grid-template-columns: minmax(0, max-content) 1fr auto;
  align-items: center; gap: 3px 8px; font-size: 12px; }
.bars li { display: contents; }
.bar-label { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.bar { height: 7px; background: var(--low-bg); border-radius: 4px; overflow: hidden; }
.bar-fill { display: block; height: 100%; background: var(--brand); border-radius: 4px; }
.bar-count { text-align: end; color: var(--muted); }
.csat-dist { position: absolute; inset-inline-end: 12px; top: 12px; display: flex; gap: 3px; height: 42px;
  align-items: flex-end; }
.csat-slot { display: flex; flex-direction: column; align-items: center; justify-content: flex-end; height: 100%; width: 11px; }
.csat-col { display: block; width: 100%; background: #f5b942; border-radius: 2px 2px 0 0; }
.csat-score { font-size: 9px; color: var(--muted); }

/* Workspace */
.workspace { display: grid; grid-template-columns: 370px 1fr; min-height: 0; }
.queue { border-inline-end: 1px solid var(--line); background: var(--surface); display: flex; flex-direction: column; min-height: 0; }
.tabs { display: flex; gap: 4px; padding: 10px 12px; border-bottom: 1px solid var(--line); }
.tabs button { flex: 1; border: 0; background: transparent; padding: 7px 8px; border-radius: 8px; cursor: pointer;
  font-weight: 600; color: var(--muted); text-transform: capitalize; }
.tabs button[aria-selected=true] { background: var(--brand-soft); color: var(--brand); }
.queue-search { padding: 8px 12px 0; }
.queue-search input { width: 100%; box-sizing: border-box; border: 1px solid var(--line); border-radius: 8px; padding: 7px 10px; font: inherit; }
.count { display: inline-block; min-width: 20px; margin-inline-start: 4px; padding: 0 6px; border-radius: 10px;
  background: var(--low-bg); font-size: 12px; }
#queue-list { list-style: none; margin: 0; padding: 8px; overflow-y: auto; display: grid; gap: 6px; align-content: start;
  grid-template-columns: minmax(0, 1fr); }
.item { width: 100%; text-align: start; display: grid; gap: 6px; padding: 10px 12px; border: 1px solid var(--line);
  border-radius: var(--radius); background: var(--surface); cursor: pointer; }
.item:hover { border-color: #c4ccd6; }
.item.active { border-color: var(--brand); box-shadow: 0 0 0 1px var(--brand) inset; background: #f6fbfa; }
.item.fresh { animation: arrive 2s ease-out 3; border-color: #f5b942; }
@keyframes arrive { 0% { background: #fff7e0; } 100% { background: var(--surface); } }
.item-top { display: flex; align-items: center; gap: 8px; min-width: 0; }
/* a 40-character WhatsApp name ends in an ellipsis instead of widening the card */
.item-name { font-weight: 700; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }
.item-wait { margin-inline-start: auto; font-size: 12px; color: var(--muted); white-space: nowrap; }
.item-wait.overdue, .overdue { color: var(--urgent); font-weight: 600; }
.item-meta, .head-tags { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.live-lines { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; font-size: 12.5px; color: var(--muted); }
.live-lines li { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.take-over { justify-self: start; }
.item-summary { font-size: 12.5px; color: var(--muted); display: -webkit-box; -webkit-line-clamp: 2;
  -webkit-box-orient: vertical; overflow: hidden; }
.queue-more { display: grid; justify-items: center; padding: 8px; color: var(--muted); }
.queue-empty { display: grid; gap: 4px; text-align: center; padding: 40px 16px; color: var(--muted); }

.badge { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; padding: 2px 7px; border-radius: 5px; }
.p-urgent { color: var(--urgent); background: var(--urgent-bg); }
.p-high { color: var(--high); background: var(--high-bg); }
.p-normal { color: var(--normal); background: var(--normal-bg); }
.p-low { color: var(--low); background: var(--low-bg); }
.tag, .chip { font-size: 11.5px; padding: 1px 7px; border-radius: 5px; background: var(--low-bg); color: var(--low); white-space: nowrap; }
.tag.vip { background: #1f2937; color: #fcd34d; font-weight: 700; }
.tag.after { background: #ede9fe; color: #5b21b6; }
.tag.csat { background: #fef3c7; color: #92400e; font-weight: 700; }
.tag.owner { background: #e0f2fe; color: #075985; }
.tag.ending { background: #f1f5f9; color: var(--muted); }
.tag.unread { background: #f5b942; color: #4a2c00; font-weight: 700; }
.chip { background: transparent; border: 1px solid var(--line); color: var(--ink); }
.chip.r-frustration, .chip.r-sensitive_topic { border-color: #fdb022; }
.chip.r-human_requested { border-color: #84caff; }

/* Detail */
.detail { min-height: 0; display: flex; flex-direction: column; }
.detail-empty { margin: auto; text-align: center; color: var(--muted); display: grid; gap: 6px; }
.detail-empty strong { color: var(--ink); font-size: 16px; }
.back-to-queue { display: none; }
.detail-head { display: flex; justify-content: space-between; gap: 16px; align-items: flex-start; padding: 14px 20px;
  background: var(--surface); border-bottom: 1px solid var(--line); }
.detail-head h2 { font-size: 18px; display: flex; gap: 8px; align-items: center; }
/* a name of one long word (a customer's profile name can be anything) wraps instead of widening the page */
.head-info { min-width: 0; }
.detail-head h2 span, .item-summary, .line-text, .line-who { overflow-wrap: anywhere; min-width: 0; }
.sub { color: var(--muted); font-size: 12.5px; margin: 2px 0 6px; }
.head-actions { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; justify-content: flex-end; }
.transfer { display: inline-flex; gap: 4px; flex-wrap: wrap; max-width: 100%; }
/* on a phone the why shrinks, then takes a line of its own, rather than widen the page */
#transfer-note { width: 11em; min-width: 6em; flex: 1 1 6em; }
.status { font-size: 11.5px; font-weight: 700; padding: 2px 8px; border-radius: 20px; }
.s-queued { background: #fff4e5; color: #b54708; }
.s-assigned { background: var(--brand-soft); color: var(--brand); }
.s-resolved { background: #dcfae6; color: #067647; }
.detail-body { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 16px; padding: 16px 20px; min-height: 0; flex: 1; }
.conversation { display: flex; flex-direction: column; min-height: 0; background: var(--surface); border: 1px solid var(--line);
  border-radius: var(--radius); box-shadow: var(--shadow); }
.transcript { list-style: none; margin: 0; padding: 16px; overflow-y: auto; flex: 1; display: flex; flex-direction: column;
  gap: 10px; background: #f8fafb; border-radius: var(--radius) var(--radius) 0 0; }
.line { max-width: 72%; padding: 8px 12px; border-radius: 12px; background: #fff; border: 1px solid var(--line); align-self: flex-start; }
.line.from-bot, .line.from-system { align-self: flex-end; background: #eef4ff; border-color: #d6e4ff; }
.line.from-agent { align-self: flex-end; background: var(--brand-soft); border-color: #b7e1dc; }
.line.new { border-color: #f5b942; box-shadow: 0 0 0 2px #fde7b0; }
.line-meta { display: flex; gap: 8px; align-items: baseline; font-size: 11.5px; color: var(--muted); }
.line-who { font-weight: 700; color: var(--ink); }
.from-agent .line-who { color: var(--brand); }
.from-bot .line-who, .from-system .line-who { color: #3559b5; }
.line-meta time { margin-inline-start: auto; }
.new-tag { background: #f5b942; color: #4a2c00; font-weight: 700; border-radius: 4px; padding: 0 5px; font-size: 10.5px; }
.line-text { white-space: pre-wrap; overflow-wrap: anywhere; margin-top: 2px; }
.line-error { color: var(--urgent); font-size: 12px; }
.line-error .resend { margin-inline-start: 8px; }
.tick { font-size: 11px; color: var(--muted); white-space: nowrap; }
.tick.t-read, .tick.t-played { color: #1a73e8; }
.line-media { display: block; margin-top: 6px; }
.line-media img { display: block; max-width: 100%; max-height: 240px; border-radius: 8px; border: 1px solid var(--line); }
.line-media audio, .line-media video { max-width: 100%; }
.line-media video { max-height: 240px; }
.composer { border-top: 1px solid var(--line); padding: 12px; display: grid; gap: 8px; }
.reply-form { display: grid; gap: 8px; }
.reply-bar { display: flex; gap: 8px; align-items: center; justify-content: space-between; flex-wrap: wrap; }
.window { font-size: 12px; }
.window.open { color: var(--muted); }
.window.closed { color: var(--urgent); font-weight: 600; }
.template-params { display: inline-flex; gap: 6px; flex: 1; }
.template-params input { flex: 1; min-width: 80px; }
.composer-note { color: var(--muted); }

.packet { display: grid; gap: 12px; align-content: start; overflow-y: auto; min-height: 0; }
.card { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 12px 14px;
  box-shadow: var(--shadow); display: grid; gap: 8px; }
.card h3 { font-size: 11.5px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.summary { white-space: pre-wrap; overflow-wrap: anywhere; }
.card, .packet { min-width: 0; }
.fact dd, .reasons q, .attempts li, .notes p { overflow-wrap: anywhere; }
.reasons, .attempts, .notes { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.reasons li { display: grid; gap: 3px; justify-items: start; }
.reasons q { color: var(--muted); font-size: 12.5px; }
.meter { display: inline-block; width: 110px; height: 6px; background: var(--low-bg); border-radius: 3px; overflow: hidden; }
.meter-fill { display: block; height: 100%; background: linear-gradient(90deg, #f5b942, #d92d20); }
.facts { margin: 0; display: grid; gap: 6px; }
.fact { display: grid; grid-template-columns: 104px 1fr; gap: 8px; font-size: 13px; }
.fact dt { color: var(--muted); }
.fact dd { margin: 0; display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; }
.fact-chip { background: var(--low-bg); border-radius: 5px; padding: 0 6px; }
.mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
.attempts li { font-size: 12.5px; }
.notes li { border-inline-start: 3px solid #f5b942; padding-inline-start: 8px; }
.notes small { color: var(--muted); }
.note-form { display: grid; gap: 6px; justify-items: end; }

.toast { position: fixed; inset-block-end: 20px; inset-inline-start: 20px; max-width: 330px; transform: translateY(12px);
  opacity: 0; transition: .2s; background: #1f2937; color: #fff; padding: 9px 16px; border-radius: 8px; pointer-events: none;
  box-shadow: 0 8px 24px rgba(0, 0, 0, .18); }
.toast.show { opacity: 1; transform: none; }
.toast.error { background: var(--urgent); }
.toast.ok { background: #067647; }

@media (max-width: 1100px) {
  .kpis { grid-template-columns: repeat(3, 1fr); }
  .workspace { grid-template-columns: 300px 1fr; }
  .detail-body { grid-template-columns: 1fr; overflow-y: auto; }
  .conversation { min-height: 60vh; }
}

/* A phone: one column, the page scrolls; the queue above the open handoff. */
@media (max-width: 760px) {
  .inbox { height: auto; min-height: 100vh; }
  .topbar { flex-wrap: wrap; padding: 8px 12px; }
  .brand-sub { display: none; }
  .kpis { grid-template-columns: repeat(2, minmax(0, 1fr)); padding: 8px 12px; }
  .kpi.wide { grid-column: 1 / -1; }
  .workspace { grid-template-columns: minmax(0, 1fr); }
  .queue { border-inline-end: 0; border-bottom: 1px solid var(--line); }
  #queue-list { overflow-y: visible; }
  .workspace.has-detail .queue, .workspace:not(.has-detail) .detail { display: none; }
  .back-to-queue { display: inline-flex; align-self: flex-start; }
  .detail-head { flex-direction: column; padding: 10px 12px; }
  .head-actions { justify-content: flex-start; }
  .detail-body { padding: 10px 12px; overflow: visible; }
  .conversation { min-height: 0; }
  .transcript { max-height: 65vh; }
  .line { max-width: 90%; }
}
`;
