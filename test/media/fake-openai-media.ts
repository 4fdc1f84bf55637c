import { type Context, Hono } from 'hono';
import OpenAI from 'openai';
import { afterEach } from 'vitest';
import { startServer } from '../support/fake-server.js';

/** One scripted answer: text (a transcript or a description), an HTTP error, or no answer. */
export type MediaReply =
  | { kind: 'text'; text: string; language?: string }
  | { kind: 'error'; status: number }
  | { kind: 'hang' };

export const answer = {
  text: (text: string, language?: string): MediaReply => ({
    kind: 'text',
    text,
    ...(language ? { language } : {}),
  }),
  error: (status: number): MediaReply => ({ kind: 'error', status }),
  hang: (): MediaReply => ({ kind: 'hang' }),
};

/** What arrived in one multipart `POST /v1/audio/transcriptions`. */
export interface TranscriptionRequest {
  authorization: string | undefined;
  /** Azure's route: the deployment in the path, the `api-version` query and the `api-key` header. */
  azure?: AzureCall;
  model: string | undefined;
  language: string | undefined;
  responseFormat: string | undefined;
  fileName: string | undefined;
  fileType: string | undefined;
  bytes: Uint8Array | undefined;
}

export interface AzureCall {
  deployment: string;
  apiVersion: string | undefined;
  apiKey: string | undefined;
}

export interface VisionRequest {
  azure?: AzureCall;
  model: string;
  messages: {
    role: string;
    content: string | { type: string; text?: string; image_url?: { url: string } }[];
  }[];
  max_tokens?: number;
}

const errorBody = (status: number) => ({
  error: {
    message: `fake error ${status}`,
    type: status === 429 ? 'rate_limit_error' : 'server_error',
    param: null,
    code: null,
  },
});

/**
 * A local OpenAI-compatible server for the media jobs: `/v1/audio/transcriptions` (multipart, as
 * the SDK sends it) and `/v1/chat/completions` with an image part. Each endpoint answers from its
 * own script, in order; an unscripted request gets a 500.
 */
export async function startFakeOpenAiMedia() {
  const transcriptions: TranscriptionRequest[] = [];
  const completions: VisionRequest[] = [];
  const transcriptScript: MediaReply[] = [];
  const visionScript: MediaReply[] = [];
  const release = new Set<() => void>();
  const hang = () => new Promise<void>((resolve) => release.add(resolve));
  const app = new Hono();
  const azureCall = (c: Context): { azure?: AzureCall } => {
    const deployment = c.req.param('deployment');
    if (deployment === undefined) return {};
    return { azure: { deployment, apiVersion: c.req.query('api-version'), apiKey: c.req.header('api-key') } };
  };

  const transcribe = async (c: Context) => {
    const form = await c.req.parseBody();
    const file = form.file;
    const field = (name: string) => (typeof form[name] === 'string' ? form[name] : undefined);
    transcriptions.push({
      ...azureCall(c),
      authorization: c.req.header('authorization'),
      model: field('model'),
      language: field('language'),
      responseFormat: field('response_format'),
      fileName: file instanceof File ? file.name : undefined,
      fileType: file instanceof File ? file.type : undefined,
      bytes: file instanceof File ? new Uint8Array(await file.arrayBuffer()) : undefined,
    });
    const next = transcriptScript.shift() ?? answer.error(500);
    if (next.kind === 'hang') {
      await hang();
      return c.json(errorBody(504), 504);
    }
    if (next.kind === 'error') return c.json(errorBody(next.status), next.status as 500);
    return c.json({ text: next.text, ...(next.language ? { language: next.language } : {}) });
  };

  const complete = async (c: Context) => {
    const body = (await c.req.json()) as VisionRequest;
    completions.push({ ...azureCall(c), ...body });
    const next = visionScript.shift() ?? answer.error(500);
    if (next.kind === 'hang') {
      await hang();
      return c.json(errorBody(504), 504);
    }
    if (next.kind === 'error') return c.json(errorBody(next.status), next.status as 500);
    return c.json({
      id: `chatcmpl-media-${completions.length}`,
      object: 'chat.completion',
      created: 1_700_000_000,
      model: body.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: next.text, refusal: null },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: 300, completion_tokens: 20, total_tokens: 320 },
    });
  };

  app.post('/v1/audio/transcriptions', transcribe);
  app.post('/v1/chat/completions', complete);
  app.post('/openai/deployments/:deployment/audio/transcriptions', transcribe);
  app.post('/openai/deployments/:deployment/chat/completions', complete);

  const server = await startServer(app);
  return {
    url: server.url,
    baseURL: `${server.url}/v1`,
    transcriptions,
    completions,
    scriptTranscripts(...replies: MediaReply[]) {
      transcriptScript.push(...replies);
    },
    scriptVision(...replies: MediaReply[]) {
      visionScript.push(...replies);
    },
    async close() {
      for (const r of release) r();
      await server.close();
    },
  };
}

export type FakeOpenAiMedia = Awaited<ReturnType<typeof startFakeOpenAiMedia>>;

const opened: FakeOpenAiMedia[] = [];
afterEach(async () => {
  for (const fake of opened.splice(0)) await fake.close();
});

/** The fake and an `openai` client on it (no SDK retries), closed after the test. */
export async function openFakeMediaClient() {
  const fake = await startFakeOpenAiMedia();
  opened.push(fake);
  const client = new OpenAI({ apiKey: 'sk-test', baseURL: fake.baseURL, maxRetries: 0 });
  return { fake, client };
}
