import type { Context, MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import type { Child } from 'hono/jsx';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Headers for every page and asset: scripts and styles only from our own origin, no framing,
 * and Trusted Types required, so the browser itself refuses any `innerHTML = string` — customer
 * text can only ever reach the page as text.
 */
export const pageSecurity: MiddlewareHandler = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    // customers' voice notes and videos, through the agent API
    mediaSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
    requireTrustedTypesFor: ["'script'"],
    trustedTypes: ["'none'"],
  },
  referrerPolicy: 'no-referrer',
});

/** The HTML document around a page; its one script and stylesheet are served beside it. */
export function Document(props: {
  title: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  script: string;
  stylesheet: string;
  bodyClass: string;
  data?: Record<string, string>;
  children: Child;
}) {
  const data = Object.fromEntries(Object.entries(props.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <html lang={props.lang} dir={props.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {/* An empty icon, so the browser does not ask for /favicon.ico. */}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={props.stylesheet} />
        <script src={props.script} defer />
      </head>
      <body class={props.bodyClass} {...data}>
        {props.children}
      </body>
    </html>
  );
}

/** Answers with a full HTML page that is never cached: it carries who is signed in. */
export function renderPage(c: Context, page: Child) {
  c.header('cache-control', 'no-store');
  return c.html(html`<!DOCTYPE html>${page}`);
}

/** Serves a script or stylesheet that lives in the bundle as a string (works on Workers too). */
export function asset(type: 'text/javascript' | 'text/css', body: string) {
  return (c: Context) => {
    c.header('content-type', `${type}; charset=utf-8`);
    c.header('cache-control', 'no-cache');
    return c.body(body);
  };
}
