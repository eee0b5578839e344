import { InlineCode } from "@/components/api-reference/inline-code";
import { constraintsText, typeText, type JsonSchema } from "@/lib/api-docs/schema-text";

export const schemaAnchor = (name: string) => `schema-${name}`;

const linkClass = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";

/** A type in words, the component it names linked to its table. */
export function TypeName({ schema }: { schema: JsonSchema }) {
  const type = typeText(schema);
  const [ref] = type.refs;
  if (!ref) return <>{type.text}</>;
  const at = type.text.indexOf(ref);
  return (
    <>
      {type.text.slice(0, at)}
      <a href={`#${schemaAnchor(ref)}`} className={linkClass}>
        {ref}
      </a>
      {type.text.slice(at + ref.length)}
    </>
  );
}

/** A value's type (its component linked), whether it is required, and its constraints. */
export function TypeCell({ schema, required }: { schema: JsonSchema; required: boolean }) {
  const rules = constraintsText(schema);
  return (
    <div className="flex flex-col gap-0.5">
      <span className="font-mono text-xs">
        <TypeName schema={schema} />
      </span>
      <span className="text-xs text-gray-600 dark:text-gray-400">{required ? "required" : "optional"}</span>
      {rules.map((rule) => (
        <span key={rule} className="text-xs text-gray-600 dark:text-gray-400">
          <InlineCode text={rule} />
        </span>
      ))}
    </div>
  );
}
