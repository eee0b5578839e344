// JSON Schemas of the OpenAPI document in words, for the reference page at /api/docs: a type
// ("integer", "array of HfPaper"), its constraints ("1 to 100", "default 50"), and an answer's
// fields flattened to rows (`paper.organization.name`). Pure: it reads the document it is given.
import type { z } from "zod";

export type JsonSchema = z.core.JSONSchema.JSONSchema;

export const SCHEMA_REF_PREFIX = "#/components/schemas/";

const asSchema = (schema: z.core.JSONSchema._JSONSchema | undefined): JsonSchema => (typeof schema === "object" ? schema : {});

/** The component a `$ref` names (`HfPaper`), or null. */
export function refName(schema: JsonSchema): string | null {
  return schema.$ref?.startsWith(SCHEMA_REF_PREFIX) ? schema.$ref.slice(SCHEMA_REF_PREFIX.length) : null;
}

/** The schema without its `null` alternative, and whether it had one (`string | null` is written both ways). */
export function withoutNull(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const members = schema.anyOf ?? schema.oneOf;
  if (members?.length === 2 && members.some((member) => member.type === "null")) {
    const other = members.find((member) => member.type !== "null")!;
    return { schema: { ...other, description: schema.description ?? other.description }, nullable: true };
  }
  if (Array.isArray(schema.type) && schema.type.includes("null")) {
    const types = schema.type.filter((type) => type !== "null");
    return { schema: { ...schema, type: types.length === 1 ? types[0] : types }, nullable: true };
  }
  return { schema, nullable: false };
}

/** A type in words, and the components it names (to link). */
export interface TypeText {
  text: string;
  refs: string[];
}

export function typeText(input: JsonSchema): TypeText {
  const { schema, nullable } = withoutNull(input);
  const orNull = (type: TypeText): TypeText => (nullable ? { text: `${type.text} or null`, refs: type.refs } : type);
  const ref = refName(schema);
  if (ref) return orNull({ text: ref, refs: [ref] });
  if (schema.oneOf ?? schema.anyOf) return orNull({ text: "one of the shapes below", refs: [] });
  if (schema.type === "array") {
    const items = typeText(asSchema(Array.isArray(schema.items) ? schema.items[0] : schema.items));
    return orNull({ text: `array of ${items.text}`, refs: items.refs });
  }
  if (schema.const !== undefined) return orNull({ text: JSON.stringify(schema.const), refs: [] });
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any JSON");
  return orNull({ text: type, refs: [] });
}

const FORMATS: Record<string, string> = {
  "date-time": "an ISO 8601 time in UTC, like 2026-06-16T09:30:00.000Z",
  date: "a day, YYYY-MM-DD",
};

const number = (value: number) => value.toLocaleString("en-US");

/** What a value must be, besides its type: ranges, lengths, allowed values, format, default, an example. */
export function constraintsText(input: JsonSchema): string[] {
  const { schema } = withoutNull(input);
  const items = schema.type === "array" ? asSchema(Array.isArray(schema.items) ? schema.items[0] : schema.items) : null;
  const rules: string[] = [];
  if (schema.enum) rules.push(`one of: ${schema.enum.map(String).join(", ")}`);
  if (items?.enum) rules.push(`each one of: ${items.enum.map(String).join(", ")}`);
  if (schema.minimum !== undefined && schema.maximum !== undefined) rules.push(`${number(schema.minimum)} to ${number(schema.maximum)}`);
  else if (schema.minimum !== undefined) rules.push(`at least ${number(schema.minimum)}`);
  else if (schema.maximum !== undefined) rules.push(`at most ${number(schema.maximum)}`);
  if (schema.minLength !== undefined && schema.maxLength !== undefined) {
    rules.push(`${number(schema.minLength)} to ${number(schema.maxLength)} characters`);
  } else if (schema.maxLength !== undefined) rules.push(`at most ${number(schema.maxLength)} characters`);
  else if (schema.minLength !== undefined) rules.push(`at least ${number(schema.minLength)} characters`);
  if (schema.maxItems !== undefined) rules.push(`repeatable, up to ${number(schema.maxItems)} values`);
  if (schema.format) rules.push(FORMATS[schema.format] ?? `format ${schema.format}`);
  else if (schema.pattern) rules.push(`matches ${schema.pattern}`);
  if (schema.default !== undefined && !(Array.isArray(schema.default) && schema.default.length === 0)) {
    rules.push(`default ${typeof schema.default === "string" ? schema.default : JSON.stringify(schema.default)}`);
  }
  const example = schema.examples?.[0];
  if (example !== undefined) rules.push(`e.g. ${typeof example === "string" ? example : JSON.stringify(example)}`);
  return rules;
}

export interface FieldRow {
  /** Dotted, with `[]` for an array's items: `items[].paper`. */
  path: string;
  schema: JsonSchema;
  required: boolean;
  description: string | undefined;
  /** For a field of one shape of several: `kind is "follow"`. */
  condition: string | undefined;
}

// A union's shapes are told apart by a constant field (`kind`): name each shape by it.
function shapeName(shape: JsonSchema): string | undefined {
  const constant = Object.entries(shape.properties ?? {}).find(([, property]) => asSchema(property).const !== undefined);
  return constant ? `${constant[0]} is ${JSON.stringify(asSchema(constant[1]).const)}` : undefined;
}

/**
 * The fields of an object schema, nested objects and arrays of objects flattened into rows; a
 * `$ref` stays one row (its component has its own table), so the rows never recurse through one.
 */
export function fieldRows(input: JsonSchema, prefix = "", condition?: string): FieldRow[] {
  const { schema } = withoutNull(input);
  const shapes = schema.oneOf ?? schema.anyOf;
  if (shapes) return shapes.flatMap((shape) => fieldRows(shape, prefix, shapeName(shape) ?? condition));
  if (schema.type === "array" && schema.items)
    return fieldRows(asSchema(Array.isArray(schema.items) ? schema.items[0] : schema.items), `${prefix}[]`, condition);
  if (schema.type !== "object" || !schema.properties) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).flatMap(([name, property]) => {
    const field = asSchema(property);
    const path = prefix ? `${prefix}.${name}` : name;
    const row: FieldRow = {
      path,
      schema: field,
      required: required.has(name),
      description: withoutNull(field).schema.description,
      condition,
    };
    return [row, ...(refName(withoutNull(field).schema) ? [] : fieldRows(field, path, condition))];
  });
}
