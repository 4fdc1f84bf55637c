import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/** The yardstick of the ingest benchmark: a Hono handler that only answers 200 (plain Node, as the server runs). */
const app = new Hono();
app.get('/health', (c) => c.json({ ok: true }));
app.post('/webhooks/whatsapp', (c) => c.json({ ok: true }, 200));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
