import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/context.js';
import { asset, pageSecurity, renderPage } from '../../inbox/pages/shell.js';
import { simulatorScript } from './client.js';
import { SimulatorPage } from './sandbox-page.js';
import { simulatorStyles } from './styles.js';

/** The demo customer who owns the seeded orders A1001 and A1002. */
export const DEMO_WA_ID = '966500000001';

// Presets from the query string, so a link can open the simulator as a given customer; bad values
// fall back to the defaults rather than failing the page.
const presetSchema = z.object({
  lang: z.enum(['en', 'ar']).catch('en'),
  waId: z
    .string()
    .regex(/^\d{6,15}$/)
    .catch(DEMO_WA_ID),
  name: z.string().max(100).catch('Sara'),
});

/** `/sandbox`: the WhatsApp simulator. Mounted only when the sandbox is enabled (never in production). */
export function sandboxPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(pageSecurity);
  app.get('/', (c) => {
    const preset = presetSchema.parse({
      lang: c.req.query('lang'),
      waId: c.req.query('waId'),
      name: c.req.query('name') ?? 'Sara',
    });
    return renderPage(c, <SimulatorPage business={c.var.deps.config.BUSINESS_NAME} {...preset} />);
  });
  app.get('/app.js', asset('text/javascript', simulatorScript));
  app.get('/app.css', asset('text/css', simulatorStyles));
  return app;
}
