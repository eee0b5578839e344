import { InlineCode } from "@/components/api-reference/inline-code";
import { TypeCell } from "@/components/api-reference/type-cell";
import { fieldRows, type JsonSchema } from "@/lib/api-docs/schema-text";

export const cellClass = "py-2 pr-3 align-top break-words";
/** A field's or parameter's name: code, broken anywhere rather than widening a phone's table. */
export const nameCellClass = `${cellClass} font-normal [overflow-wrap:anywhere]`;
const tableHeadClass = "text-gray-600 dark:text-gray-400";

/**
 * A table of the reference (a schema's fields, an operation's parameters): name, type, description,
 * scrollable on its own on a phone, with a caption for screen readers. `children` are its rows.
 */
export function ReferenceTable({ label, nameHeading, children }: { label: string; nameHeading: string; children: React.ReactNode }) {
  return (
    <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={label}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{label}</caption>
        <thead className={tableHeadClass}>
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              {nameHeading}
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Type
            </th>
            <th scope="col" className="py-1 font-medium">
              Description
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** An object schema's fields, nested ones flattened (`paper.organization.name`), as a table. */
export function FieldsTable({ schema, label }: { schema: JsonSchema; label: string }) {
  const rows = fieldRows(schema);
  if (rows.length === 0) return null;
  return (
    <ReferenceTable label={label} nameHeading="Field">
      {rows.map((row, index) => (
        <tr key={`${row.path}:${index}`} className="border-t border-gray-100 dark:border-gray-800">
          <th scope="row" className={`${nameCellClass} font-mono text-xs`}>
            {row.path}
          </th>
          <td className={cellClass}>
            <TypeCell schema={row.schema} required={row.required} />
          </td>
          <td className={`${cellClass} pr-0`}>
            {row.description && <InlineCode text={row.description} />}
            {row.condition && <span className="block text-xs text-gray-600 dark:text-gray-400">When {row.condition}.</span>}
          </td>
        </tr>
      ))}
    </ReferenceTable>
  );
}
