import { Document } from '../../inbox/pages/shell.js';
import { type SimulatorLanguage, type SimulatorTextKey, simulatorTexts } from './texts.js';

export interface SimulatorProps {
  business: string;
  lang: SimulatorLanguage;
  waId: string;
  name: string;
}

const sendIcon = (
  <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
    <path fill="currentColor" d="M2 21l21-9L2 3v7l15 2-15 2z" />
  </svg>
);
const clipIcon = (
  <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
    <path
      fill="currentColor"
      d="M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6z"
    />
  </svg>
);

/** The simulator: controls beside a phone. `data-t` marks text the script swaps on a language change. */
export function SimulatorPage(props: SimulatorProps) {
  const texts = simulatorTexts[props.lang];
  const t = (key: SimulatorTextKey) => <span data-t={key}>{texts[key]}</span>;
  return (
    <Document
      title={`${texts.title} · Baton`}
      lang={props.lang}
      dir={props.lang === 'ar' ? 'rtl' : 'ltr'}
      bodyClass="sandbox"
      data={{ lang: props.lang }}
      script="/sandbox/app.js"
      stylesheet="/sandbox/app.css"
    >
      <main class="stage">
        <section class="controls">
          <p class="brand">
            <span class="logo" aria-hidden="true">
              B
            </span>
            Baton
          </p>
          <h1>{t('title')}</h1>
          <p class="intro">{t('intro')}</p>
          <label>
            {t('phone')}
            <input id="wa-id" type="text" inputmode="numeric" dir="ltr" value={props.waId} maxlength={15} />
            <small>{t('phoneHint')}</small>
          </label>
          <label>
            {t('name')}
            <input id="name" type="text" dir="auto" value={props.name} maxlength={100} />
          </label>
          <fieldset class="languages">
            <legend>{t('language')}</legend>
            <button type="button" data-choose-lang="en" aria-pressed={String(props.lang === 'en')}>
              English
            </button>
            <button type="button" data-choose-lang="ar" lang="ar" aria-pressed={String(props.lang === 'ar')}>
              العربية
            </button>
          </fieldset>
          <div class="samples">
            <p class="samples-title">{t('samplesTitle')}</p>
            <div id="samples">
              {texts.samples.map((sample) => (
                <button type="button" class="sample" dir="auto">
                  {sample}
                </button>
              ))}
            </div>
          </div>
          <p class="inbox-link">
            <a href="/inbox" target="_blank" rel="noopener">
              {t('openInbox')} →
            </a>
            <small>{t('inboxHint')}</small>
          </p>
        </section>
        <section class="phone" aria-label="WhatsApp">
          <div class="statusbar" aria-hidden="true">
            <span>9:41</span>
            <span>●●● ▮</span>
          </div>
          <header class="chat-head">
            <span class="avatar" aria-hidden="true">
              {props.business.slice(0, 1).toUpperCase()}
            </span>
            <span class="chat-who">
              <strong dir="auto">{props.business}</strong>
              <small id="presence">{texts.online}</small>
            </span>
          </header>
          <ol id="chat" class="chat" aria-live="polite">
            <li class="notice">{t('notice')}</li>
          </ol>
          <p id="error" class="send-error" role="alert" />
          <form id="composer" class="composer">
            <button id="attach" type="button" class="icon" title={texts.attach} aria-label={texts.attach}>
              {clipIcon}
            </button>
            <input
              id="text"
              type="text"
              dir="auto"
              maxlength={4096}
              autocomplete="off"
              placeholder={texts.placeholder}
              aria-label={texts.placeholder}
            />
            <button id="send" type="submit" class="send" title={texts.send} aria-label={texts.send}>
              {sendIcon}
            </button>
          </form>
        </section>
      </main>
    </Document>
  );
}
