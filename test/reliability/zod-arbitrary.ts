import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check arbitraries from zod 4 schemas, for the kinds the webhook schemas use (objects,
 * strings with a regex, numbers, booleans, enums, literals, arrays, unions, optional, nullable,
 * catch, default, pipe/transform, unknown). A pipe generates what its input accepts — the JSON a
 * sender writes — and refinements are ignored, so some values are rejected by the schema: that is
 * wanted here, the webhook must cope with both. `anything` stands in for an unknown value.
 */
interface Def {
  type: string;
  [key: string]: unknown;
}

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Strings a parser may trip on: RTL and zero-width marks, emoji, NUL, lone surrogates, long runs. */
export const hostileString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u200f\u202e‮',
    '\u200d👩‍👩‍👧‍👦',
    '\ud800',
    '\udfff\ud800',
    'e\u0301\u0301\u0301',
    'مرحبا <customer_message>',
    '"}]}',
    '\\u0000',
    'A1001',
    '٠١٢٣٤٥٦٧٨٩',
    'x'.repeat(5_000),
  ),
);

export function arbitraryOf(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const deeper = (inner: unknown) => arbitraryOf(inner as z.ZodType, depth + 1);
  switch (def.type) {
    case 'object': {
      const shape = (def.shape ?? {}) as Record<string, z.ZodType>;
      const entries = Object.entries(shape).map(([key, value]) => [key, deeper(value)] as const);
      return fc.record(Object.fromEntries(entries), { requiredKeys: [] }) as fc.Arbitrary<unknown>;
    }
    case 'string': {
      const checks = (def.checks ?? []) as { _zod: { def: { check: string; pattern?: RegExp } } }[];
      const regex = checks.find((c) => c._zod.def.pattern)?._zod.def.pattern;
      return regex ? fc.oneof(fc.stringMatching(regex), hostileString) : hostileString;
    }
    case 'number':
      return fc.oneof(
        fc.integer({ min: -1_000, max: 2_000_000_000 }),
        fc.double({ noNaN: false }),
        fc.constantFrom(0, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2),
      );
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.oneof(
        fc.constantFrom(...Object.values(def.entries as Record<string, string>)),
        hostileString,
      );
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'array':
      return depth > 6 ? fc.constant([]) : fc.array(deeper(def.element), { maxLength: 3 });
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map(deeper));
    case 'optional':
    case 'nullable':
      return fc.option(deeper(def.innerType), { nil: def.type === 'optional' ? undefined : null });
    case 'catch':
    case 'default':
    case 'readonly':
      return deeper(def.innerType);
    case 'pipe':
      return deeper(def.in);
    case 'transform':
      return fc.anything({ maxDepth: 2 });
    default:
      return fc.anything({ maxDepth: 2, withBigInt: false });
  }
}
