import { queueSchema } from '../../../policy/reasons.js';
import { inboxComposer } from './composer.js';
import { inboxCore } from './core.js';
import { inboxDetail } from './detail.js';
import { domHelpers } from './dom.js';
import { inboxMain } from './main.js';
import { inboxQueue } from './queue.js';
import { inboxStats } from './stats.js';

/** The whole inbox script, one scope in strict mode; the queue list comes from the schema. */
export const inboxScript = [
  "(function () {\n'use strict';",
  `var QUEUE_IDS = ${JSON.stringify(queueSchema.options)};`,
  domHelpers,
  inboxCore,
  inboxQueue,
  inboxDetail,
  inboxComposer,
  inboxStats,
  inboxMain,
  '})();\n',
].join('\n');
