import fastJson from 'fast-json-stringify';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/**
 * `anyOf: [X, {type: 'null'}]` (how Zod writes `.nullable()`) as `type: [X's type, 'null']`:
 * fast-json-stringify picks between listed types by a typeof check, where `anyOf` makes it validate
 * each branch at run time.
 */
function simplifyNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplifyNullable);
  if (!node || typeof node !== 'object') return node;
  const schema = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, simplifyNullable(value)])) as JsonSchema;
  const anyOf = schema.anyOf as JsonSchema[] | undefined;
  if (anyOf?.length === 2) {
    const nullBranch = anyOf.findIndex((branch) => branch.type === 'null' && Object.keys(branch).length === 1);
    const other = anyOf[1 - nullBranch];
    if (nullBranch !== -1 && other && typeof other.type === 'string') {
      const { anyOf: _, ...rest } = schema;
      return { ...rest, ...other, type: [other.type, 'null'] };
    }
  }
  return schema;
}

/** The JSON Schema fast-json-stringify compiles for a Zod response schema. */
export function serializationSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' }) as JsonSchema;
  return simplifyNullable(json) as JsonSchema;
}

/**
 * A route's `serializerCompiler` for hot read routes: the response's Zod schema compiled once into a
 * fast-json-stringify function. Like the app's default (Zod encode, then JSON.stringify) it writes
 * only the properties the schema declares, so nothing else a handler's object carries can leak;
 * unlike it, it does not validate at run time (the handler's return type is checked against the same
 * schema by TypeScript). A whole recipe serialises several times faster.
 */
export function compiledSerializer({ schema }: { schema: unknown }): (data: unknown) => string {
  return fastJson(serializationSchema(schema as z.ZodType) as unknown as Parameters<typeof fastJson>[0]) as (data: unknown) => string;
}
