import type { ResponseFormatJSONSchema } from 'openai/resources/shared';
import { z } from 'zod';

/**
 * A zod schema as the JSON schema a provider expects: the output shape (so objects are closed with
 * `additionalProperties: false`), without the `$schema` key some servers reject.
 */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'output' }) as Record<string, unknown>;
  return rest;
}

/**
 * `response_format` for structured outputs in strict mode. Strict mode wants every property
 * required (absent values are `null`), so an optional field is a programming error caught here.
 */
export function strictResponseFormat(name: string, schema: z.ZodObject): ResponseFormatJSONSchema {
  const json = jsonSchemaOf(schema);
  assertAllRequired(json, name);
  return { type: 'json_schema', json_schema: { name, strict: true, schema: json } };
}

function assertAllRequired(node: unknown, path: string): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) assertAllRequired(item, path);
    return;
  }
  const record = node as Record<string, unknown>;
  const properties = record.properties as Record<string, unknown> | undefined;
  if (properties !== undefined) {
    const required = new Set((record.required as string[] | undefined) ?? []);
    const missing = Object.keys(properties).filter((key) => !required.has(key));
    if (missing.length > 0) throw new Error(`${path}: strict schemas need ${missing.join(', ')} required`);
  }
  for (const [key, value] of Object.entries(record)) assertAllRequired(value, `${path}.${key}`);
}
