import { type Context, Hono } from 'hono';
import { startServer } from './fake-server.js';

/** One scripted answer of the fake; `reply.*` builds them. */
export type FakeReply =
  | { kind: 'content'; content: string; usage?: Usage }
  | { kind: 'tool_calls'; calls: { name: string; arguments: string }[]; content?: string; usage?: Usage }
  | { kind: 'error'; status: number; body: object }
  | { kind: 'hang'; ms: number };

interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
}

export const reply = {
  /** A structured answer: `content` is the JSON text, as with `response_format`. */
  json: (value: unknown, usage?: Usage): FakeReply => ({
    kind: 'content',
    content: JSON.stringify(value),
    ...(usage ? { usage } : {}),
  }),
  text: (content: string, usage?: Usage): FakeReply => ({
    kind: 'content',
    content,
    ...(usage ? { usage } : {}),
  }),
  /** Tool calls; object arguments are sent as the JSON string the wire format uses. */
  tools: (...calls: { name: string; args: unknown }[]): FakeReply => ({
    kind: 'tool_calls',
    calls: calls.map((call) => ({
      name: call.name,
      arguments: typeof call.args === 'string' ? call.args : JSON.stringify(call.args),
    })),
  }),
  /** An HTTP error with OpenAI's error body. */
  error: (status: number, message = `fake error ${status}`): FakeReply => ({
    kind: 'error',
    status,
    body: {
      error: {
        message,
        type: status === 429 ? 'rate_limit_error' : status >= 500 ? 'server_error' : 'invalid_request_error',
        param: null,
        code: status === 429 ? 'rate_limit_exceeded' : null,
      },
    },
  }),
  /** Answers nothing for `ms` (the client's timeout should fire first). */
  hang: (ms = 10_000): FakeReply => ({ kind: 'hang', ms }),
  /** JSON cut off in the middle: what a truncated or broken model answer looks like. */
  malformed: (): FakeReply => ({ kind: 'content', content: '{"language": "en", "intent": "fa' }),
};

export interface RecordedRequest {
  path: string;
  /** The Azure deployment, when the Azure path was used. */
  deployment?: string;
  apiVersion?: string;
  authorization?: string;
  apiKey?: string;
  body: ChatRequestBody;
}

/** The parts of a chat completions request the tests look at. */
export interface ChatRequestBody {
  model: string;
  messages: { role: string; content?: string | null; tool_call_id?: string; tool_calls?: unknown[] }[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  temperature?: number;
  max_tokens?: number;
  tools?: { type: string; function: { name: string; parameters: Record<string, unknown> } }[];
  response_format?: {
    type: string;
    json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> };
  };
}

const DEFAULT_USAGE: Usage = { prompt_tokens: 1_000, completion_tokens: 100 };

function message(answer: Extract<FakeReply, { kind: 'content' | 'tool_calls' }>, n: number) {
  if (answer.kind === 'content') return { role: 'assistant', content: answer.content, refusal: null };
  return {
    role: 'assistant',
    content: answer.content ?? null,
    refusal: null,
    tool_calls: answer.calls.map((call, i) => ({
      id: `call_${n}_${i}`,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    })),
  };
}

/** Splits text into a few pieces so a stream really arrives in deltas. */
const pieces = (text: string, count = 3): string[] => {
  const size = Math.max(1, Math.ceil(text.length / count));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
};

/** The SSE body of a streamed completion: role, content or tool-call deltas, finish, usage, [DONE]. */
function sse(
  answer: Extract<FakeReply, { kind: 'content' | 'tool_calls' }>,
  n: number,
  body: ChatRequestBody,
): string {
  const base = {
    id: `chatcmpl-fake-${n}`,
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: body.model,
  };
  const chunk = (delta: object, finish: string | null = null) => ({
    ...base,
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
  });
  const chunks: object[] = [chunk({ role: 'assistant', content: '' })];
  if (answer.kind === 'content') {
    for (const piece of pieces(answer.content)) chunks.push(chunk({ content: piece }));
    chunks.push(chunk({}, 'stop'));
  } else {
    answer.calls.forEach((call, i) => {
      const id = `call_${n}_${i}`;
      chunks.push(
        chunk({
          tool_calls: [{ index: i, id, type: 'function', function: { name: call.name, arguments: '' } }],
        }),
      );
      for (const piece of pieces(call.arguments, 2))
        chunks.push(chunk({ tool_calls: [{ index: i, function: { arguments: piece } }] }));
    });
    chunks.push(chunk({}, 'tool_calls'));
  }
  if (body.stream_options?.include_usage) {
    const usage = answer.usage ?? DEFAULT_USAGE;
    chunks.push({
      ...base,
      choices: [],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    });
  }
  return `${chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('')}data: [DONE]\n\n`;
}

/**
 * A local OpenAI-compatible server for tests, speaking the real wire format of
 * `POST /v1/chat/completions` (and Azure's `/openai/deployments/:d/chat/completions`): JSON or SSE
 * when `stream: true`, tool calls with string arguments, usage. Answers come from a script, in
 * order; every request is recorded. An unscripted request gets a 500 and is counted in `unscripted`.
 */
export async function startFakeOpenAi() {
  const requests: RecordedRequest[] = [];
  const queue: FakeReply[] = [];
  const hangs = new Set<() => void>();
  let unscripted = 0;

  async function handle(c: Context) {
    const body = (await c.req.json()) as ChatRequestBody;
    const deployment = c.req.param('deployment');
    const apiVersion = c.req.query('api-version');
    const authorization = c.req.header('authorization');
    const apiKey = c.req.header('api-key');
    requests.push({
      path: c.req.path,
      body,
      ...(deployment ? { deployment } : {}),
      ...(apiVersion ? { apiVersion } : {}),
      ...(authorization ? { authorization } : {}),
      ...(apiKey ? { apiKey } : {}),
    });
    const n = requests.length;
    const scripted = queue.shift();
    if (scripted === undefined) unscripted++;
    const answer = scripted ?? reply.error(500, 'fake-openai: nothing scripted');
    if (answer.kind === 'hang') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, answer.ms);
        hangs.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      return c.json({ error: { message: 'hung', type: 'server_error', param: null, code: null } }, 504);
    }
    if (answer.kind === 'error') return c.json(answer.body, answer.status as 500);
    if (body.stream) {
      return c.body(sse(answer, n, body), 200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
      });
    }
    const usage = answer.usage ?? DEFAULT_USAGE;
    return c.json({
      id: `chatcmpl-fake-${n}`,
      object: 'chat.completion',
      created: 1_700_000_000,
      model: body.model,
      choices: [
        {
          index: 0,
          message: message(answer, n),
          finish_reason: answer.kind === 'tool_calls' ? 'tool_calls' : 'stop',
          logprobs: null,
        },
      ],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    });
  }

  const app = new Hono();
  app.post('/v1/chat/completions', handle);
  app.post('/openai/deployments/:deployment/chat/completions', handle);
  const server = await startServer(app);
  return {
    url: server.url,
    baseURL: `${server.url}/v1`,
    requests,
    /** Queues answers for the next requests, in order. */
    script(...answers: FakeReply[]) {
      queue.push(...answers);
    },
    get unscripted() {
      return unscripted;
    },
    get pending() {
      return queue.length;
    },
    async close() {
      for (const release of hangs) release();
      await server.close();
    },
  };
}

export type FakeOpenAi = Awaited<ReturnType<typeof startFakeOpenAi>>;
