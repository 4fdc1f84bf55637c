import { z } from 'zod';
import { noteInputSchema } from '../../handoff/lifecycle/note.js';
import { releaseInputSchema } from '../../handoff/lifecycle/release.js';
import { replyInputSchema } from '../../handoff/lifecycle/reply.js';
import { takeoverInputSchema } from '../../handoff/lifecycle/takeover.js';
import { transferInputSchema } from '../../handoff/lifecycle/transfer.js';
import { packetSchema } from '../../handoff/packet.js';
import { queueSchema } from '../../policy/reasons.js';
import { readInputSchema } from '../queries.js';

const json = (schema: z.ZodType) => ({
  'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) },
});
const error = {
  description: 'Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
const authErrors = { '401': error, '403': error, '404': error };

/** The agent API as OpenAPI 3.1, built from the same zod schemas the routes validate with. */
export function openApiDocument(version: string) {
  // `read` and `release` take an empty body too
  const action = (summary: string, body?: z.ZodType, ok = '200', bodyRequired = true) => ({
    post: {
      summary,
      parameters: idParam,
      ...(body ? { requestBody: { required: bodyRequired, content: json(body) } } : {}),
      responses: { [ok]: { description: 'Done' }, '400': error, ...authErrors, '409': error },
    },
  });
  return {
    openapi: '3.1.0',
    info: { title: 'Baton agent API', version },
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          properties: {
            code: { type: 'string' },
            message: { type: 'string' },
            requestId: { type: 'string' },
          },
        },
        Packet: z.toJSONSchema(packetSchema),
      },
    },
    paths: {
      '/api/handoffs': {
        get: {
          summary:
            'List handoffs in your queues, most urgent first, then oldest (resolved: newest first), the first `limit` (default 100, at most 1000) of `total`; `q` finds part of a name, phone number, order number, summary or handoff id; `unread`: the customer wrote since you last had it open, or since it was raised if you never have',
          parameters: ['status', 'queue', 'priority', 'q', 'limit'].map((name) => ({
            name,
            in: 'query',
            schema: { type: 'string' },
          })),
          responses: { '200': { description: 'Handoffs' }, '400': error, '401': error, '403': error },
        },
      },
      '/api/handoffs/{id}': {
        get: {
          summary: 'One handoff: packet, transcript, new customer messages, notes, 24-hour window',
          parameters: idParam,
          responses: { '200': { description: 'The handoff' }, ...authErrors },
        },
      },
      '/api/handoffs/{id}/media/{messageId}': {
        get: {
          summary:
            'A file the customer sent (a transcript line with `media: true`): photo, voice note, video or PDF, fetched from the channel',
          parameters: [
            ...idParam,
            { name: 'messageId', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: {
            '200': { description: 'The file, with its own content type' },
            ...authErrors,
            '410': error,
            '415': error,
            '502': error,
          },
        },
      },
      '/api/handoffs/{id}/read': action(
        'You have seen the handoff up to a transcript line (`messageId`), or up to now: later customer messages are unread for you',
        readInputSchema,
        '200',
        false,
      ),
      '/api/handoffs/{id}/claim': action('Take the handoff; the conversation moves to agent mode'),
      '/api/handoffs/{id}/reply': {
        post: {
          ...action('Send text (inside the 24-hour window) or a configured template', replyInputSchema, '202')
            .post,
          responses: {
            '202': { description: 'Queued for delivery' },
            '400': error,
            ...authErrors,
            '409': error,
            '422': error,
          },
        },
      },
      '/api/handoffs/{id}/notes': action('Add an internal note', noteInputSchema, '201'),
      '/api/handoffs/{id}/transfer': action('Move to another queue, unassigned', transferInputSchema),
      '/api/handoffs/{id}/release': action(
        "Put a claimed handoff back in its queue, unassigned (yours, or a colleague's), with an optional note",
        releaseInputSchema,
        '200',
        false,
      ),
      '/api/handoffs/{id}/resolve': action(
        'Hand the conversation back to the bot; asks the customer for CSAT',
      ),
      '/api/conversations': {
        get: {
          summary: 'Live bot conversations: last messages, language, frustration so far',
          responses: { '200': { description: 'Conversations' }, '401': error },
        },
      },
      '/api/conversations/{id}/takeover': action(
        'Take a live bot conversation over (reason agent_initiated)',
        takeoverInputSchema,
        '201',
      ),
      '/api/stats': {
        get: {
          summary:
            "KPIs over a period (`from`, `to`: a day, the business's, or a moment with its offset, from 2000 on; default the last 7 days), over the agent's queues or one of them",
          parameters: [
            ...['from', 'to'].map((name) => ({
              name,
              in: 'query',
              schema: { type: 'string', examples: ['2026-12-04', '2026-12-04T09:00:00+03:00'] },
            })),
            { name: 'queue', in: 'query', schema: { type: 'string', enum: [...queueSchema.options] } },
          ],
          responses: { '200': { description: 'KPIs' }, '400': error, '401': error, '403': error },
        },
      },
      '/api/events': {
        get: {
          summary: 'Server-sent events for your queues',
          responses: { '200': { description: 'text/event-stream' } },
        },
      },
    },
  };
}
