import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { LlmJob } from '../meter.js';

export const LLM_JOBS = ['classifier', 'responder', 'summariser'] as const satisfies readonly LlmJob[];

/** The front matter every prompt file carries. */
const frontMatterSchema = z.strictObject({
  /** The model the prompt was written and measured for; the adapter's `model` option wins. */
  model: z.string().min(1).optional(),
  /** Left out, it is not sent: some models (reasoning ones) accept only their default. */
  temperature: z.number().min(0).max(2).optional(),
  /** Sent as `max_tokens`, the name every OpenAI-compatible server knows; a cap on cost. */
  max_tokens: z.number().int().positive().optional(),
  notes: z.string().default(''),
});

export interface Prompt {
  /** `job/version`, for example `classifier/v1`: the key in the bundle and in reports. */
  id: string;
  job: LlmJob;
  version: string;
  model?: string;
  temperature?: number;
  maxTokens?: number;
  notes: string;
  /** The system prompt. */
  system: string;
}

export type PromptSet = Record<LlmJob, Prompt>;

/** Prompt files keyed by `job/version`, as `src/generated/prompts.ts` exports them. */
export type PromptBundle = Readonly<Record<string, string>>;

export class PromptConfigError extends Error {
  override readonly name = 'PromptConfigError';
}

const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Splits a prompt file into its front matter and its body (the system prompt). */
export function parsePrompt(text: string): Omit<Prompt, 'id' | 'job' | 'version'> {
  const match = frontMatter.exec(text);
  if (match === null) throw new PromptConfigError('a prompt file starts with --- front matter ---');
  const meta = frontMatterSchema.safeParse(parseYaml(match[1] ?? '') ?? {});
  if (!meta.success) {
    throw new PromptConfigError(
      `prompt front matter: ${meta.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const system = (match[2] ?? '').trim();
  if (system === '') throw new PromptConfigError('a prompt file needs a body');
  return {
    ...(meta.data.model ? { model: meta.data.model } : {}),
    ...(meta.data.temperature === undefined ? {} : { temperature: meta.data.temperature }),
    ...(meta.data.max_tokens === undefined ? {} : { maxTokens: meta.data.max_tokens }),
    notes: meta.data.notes.trim(),
    system,
  };
}

const isJob = (value: string): value is LlmJob => (LLM_JOBS as readonly string[]).includes(value);

/**
 * Reads the active version per job from configuration: `v2` (every job), `classifier=v2,responder=v1`
 * (the rest stay on `v1`) or both (`v2,summariser=v1`). Empty means `v1` everywhere.
 */
export function parseVersions(spec: string | undefined): Record<LlmJob, string> {
  const versions: Record<LlmJob, string> = { classifier: 'v1', responder: 'v1', summariser: 'v1' };
  const parts = (spec ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (const part of parts.filter((p) => !p.includes('='))) {
    for (const job of LLM_JOBS) versions[job] = part;
  }
  for (const part of parts.filter((p) => p.includes('='))) {
    const [job = '', version = ''] = part.split('=').map((s) => s.trim());
    if (!isJob(job) || version === '') {
      throw new PromptConfigError(
        `prompt versions: "${part}" is not job=version (jobs: ${LLM_JOBS.join(', ')})`,
      );
    }
    versions[job] = version;
  }
  return versions;
}

/** Picks and parses the active prompt of each job; an unknown version is a configuration error. */
export function selectPrompts(bundle: PromptBundle, spec?: string): PromptSet {
  const versions = parseVersions(spec);
  const pick = (job: LlmJob): Prompt => {
    const id = `${job}/${versions[job]}`;
    const text = bundle[id];
    if (text === undefined) {
      const known = Object.keys(bundle).filter((key) => key.startsWith(`${job}/`));
      throw new PromptConfigError(`no prompt ${id}; available: ${known.join(', ') || 'none'}`);
    }
    return { id, job, version: versions[job], ...parsePrompt(text) };
  };
  return { classifier: pick('classifier'), responder: pick('responder'), summariser: pick('summariser') };
}
