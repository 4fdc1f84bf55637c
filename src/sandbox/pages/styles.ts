/**
 * The simulator's stylesheet: a phone in WhatsApp's colours beside a control panel. Logical
 * properties (inline-start/end) make the whole layout mirror when the page switches to Arabic.
 */
export const simulatorStyles = `
:root {
  --wa-green: #008069; --wa-dark: #0b141a; --mine: #d9fdd3; --theirs: #fff; --chat: #efeae2;
  --ink: #111b21; --muted: #667781; --line: #e2e7ee; --brand: #0f766e;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", sans-serif;
  color: var(--ink); font-size: 14px; line-height: 1.45;
}
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; background: linear-gradient(160deg, #e7f3ef 0%, #dfe8f1 100%); }
h1, p { margin: 0; }
button, input { font: inherit; color: inherit; }
:focus-visible { outline: 2px solid #25d366; outline-offset: 1px; }

.stage { display: flex; gap: 48px; justify-content: center; align-items: center; padding: 32px 24px; min-height: 100vh;
  flex-wrap: wrap; }
.controls { width: 360px; display: grid; gap: 16px; background: rgba(255, 255, 255, .82); border: 1px solid #fff;
  border-radius: 18px; padding: 24px; box-shadow: 0 10px 30px rgba(15, 40, 60, .08); }
.brand { display: flex; align-items: center; gap: 8px; font-weight: 700; color: #0c1b24; }
.logo { display: inline-grid; place-items: center; width: 28px; height: 28px; border-radius: 8px;
  background: linear-gradient(135deg, #14b8a6, #0f766e); color: #fff; font-weight: 800; }
.controls h1 { font-size: 22px; }
.intro { color: var(--muted); }
.controls label { display: grid; gap: 5px; font-weight: 600; font-size: 13px; }
.controls input { border: 1px solid #cfd8e0; border-radius: 9px; padding: 8px 11px; background: #fff; font-weight: 400; }
.controls small { color: var(--muted); font-weight: 400; font-size: 12px; }
.languages { border: 0; padding: 0; margin: 0; display: flex; gap: 6px; }
.languages legend { font-weight: 600; font-size: 13px; margin-bottom: 5px; padding: 0; }
.languages button { flex: 1; border: 1px solid #cfd8e0; background: #fff; border-radius: 9px; padding: 7px; cursor: pointer; }
.languages button[aria-pressed=true] { background: var(--wa-green); border-color: var(--wa-green); color: #fff; font-weight: 600; }
.samples-title { font-weight: 600; font-size: 13px; margin-bottom: 6px; }
#samples { display: flex; flex-wrap: wrap; gap: 6px; }
.sample { border: 1px solid #b9e4d2; background: #f0faf6; color: #05614e; border-radius: 16px; padding: 4px 11px;
  cursor: pointer; font-size: 13px; }
.sample:hover { background: #dcf5ea; }
.inbox-link { display: grid; gap: 3px; border-top: 1px solid var(--line); padding-top: 14px; }
.inbox-link a { color: var(--brand); font-weight: 700; text-decoration: none; }
.inbox-link a:hover { text-decoration: underline; }

.phone { width: 390px; height: 780px; max-height: calc(100vh - 48px); min-height: 560px; display: flex; flex-direction: column;
  background: var(--chat); border: 10px solid #1b1f23; border-radius: 44px; overflow: hidden;
  box-shadow: 0 30px 60px rgba(15, 30, 45, .28), 0 0 0 1px #3a4047; }
.statusbar { display: flex; justify-content: space-between; padding: 8px 22px 4px; background: var(--wa-green); color: #fff;
  font-size: 12px; font-weight: 600; direction: ltr; }
.chat-head { display: flex; align-items: center; gap: 10px; padding: 6px 14px 10px; background: var(--wa-green); color: #fff; }
.avatar { width: 38px; height: 38px; border-radius: 50%; display: grid; place-items: center; background: #dff3ec;
  color: var(--wa-green); font-weight: 800; font-size: 17px; }
.chat-who { display: grid; }
.chat-who small { opacity: .85; font-size: 12px; }
.chat { list-style: none; margin: 0; padding: 12px 12px 6px; flex: 1; overflow-y: auto; display: flex; flex-direction: column;
  gap: 4px; background-color: var(--chat);
  background-image: radial-gradient(rgba(0, 0, 0, .035) 1px, transparent 1px); background-size: 14px 14px; }
.notice { align-self: center; max-width: 90%; text-align: center; background: #fff5c4; color: #54656f; font-size: 12px;
  padding: 5px 10px; border-radius: 8px; margin-bottom: 8px; box-shadow: 0 1px .5px rgba(11, 20, 26, .13); }
.msg { display: flex; flex-direction: column; max-width: 82%; margin-top: 4px; }
.msg.mine { align-self: flex-end; align-items: flex-end; }
.msg.theirs { align-self: flex-start; align-items: stretch; }
.bubble { position: relative; padding: 6px 9px 5px; border-radius: 8px; box-shadow: 0 1px .5px rgba(11, 20, 26, .13);
  background: var(--theirs); min-width: 80px; }
.mine .bubble { background: var(--mine); border-start-end-radius: 2px; }
.theirs .bubble { border-start-start-radius: 2px; }
.author { display: block; font-size: 12px; font-weight: 700; color: #1f7aec; margin-bottom: 1px; }
.from-agent .author { color: #c2410c; }
.from-agent .bubble { border-inline-start: 3px solid #f97316; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.meta { display: flex; justify-content: flex-end; gap: 4px; font-size: 11px; color: var(--muted); margin-top: 1px; }
.ticks { letter-spacing: -3px; padding-inline-end: 3px; }
.ticks.read { color: #53bdeb; }
.failed { color: #d92d20; }
.choices { display: grid; gap: 2px; margin-top: 2px; }
.choice { border: 0; background: #fff; color: #027eb5; padding: 9px 10px; border-radius: 8px; cursor: pointer; font-weight: 500;
  box-shadow: 0 1px .5px rgba(11, 20, 26, .13); }
.choice:hover { background: #f5f6f6; }
.choices.list .choice { text-align: start; padding-inline-start: 14px; }
.send-error { color: #b42318; background: #fee4e2; font-size: 12.5px; padding: 0 12px; }
.send-error:empty { display: none; }
.send-error:not(:empty) { padding: 6px 12px; }
.composer { display: flex; align-items: center; gap: 6px; padding: 8px; background: #f0f2f5; }
.composer input { flex: 1; border: 0; border-radius: 22px; padding: 10px 14px; background: #fff; min-width: 0; }
.icon, .send { border: 0; cursor: pointer; display: grid; place-items: center; }
.icon { background: transparent; color: #54656f; width: 36px; height: 36px; border-radius: 50%; }
.send { background: var(--wa-green); color: #fff; width: 42px; height: 42px; border-radius: 50%; }
[dir=rtl] .send svg { transform: scaleX(-1); }
@media (max-width: 860px) { .stage { gap: 20px; } .controls { width: 390px; } }
`;
