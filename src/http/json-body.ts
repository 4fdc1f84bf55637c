import type { z } from 'zod';
import { BatonError, invalidInput } from './errors.js';

/**
 * A request's JSON body, validated: a body that is not JSON says so (400), one that breaks the
 * schema names the field. `empty` stands for a body left out, where the route has a default.
 */
export async function jsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  options: { empty?: unknown } = {},
): Promise<z.infer<T>> {
  const text = await request.text();
  let json: unknown = options.empty;
  if (text.trim() !== '' || !('empty' in options)) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new BatonError('bad_request', 'the body is not valid JSON');
    }
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}
