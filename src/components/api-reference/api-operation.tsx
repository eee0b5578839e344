import { cellClass, FieldsTable, nameCellClass, ReferenceTable } from "@/components/api-reference/fields-table";
import { InlineCode } from "@/components/api-reference/inline-code";
import { MethodBadge } from "@/components/api-reference/method-badge";
import { schemaAnchor, TypeCell } from "@/components/api-reference/type-cell";
import { refName } from "@/lib/api-docs/schema-text";
import { SECURITY_SCHEME, type OpenApiOperation, type OpenApiParameter, type OpenApiResponse } from "@/server/api-docs/openapi";

const linkClass = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";
const subheadingClass = "mt-4 font-semibold";

const AUTH_TEXT: Record<string, string> = {
  read: "A personal access token, read only or read and write.",
  write: "A read-and-write personal access token.",
};

function authText(operation: OpenApiOperation): string {
  const scope = operation.security?.[0]?.[SECURITY_SCHEME]?.[0];
  return scope ? (AUTH_TEXT[scope] ?? scope) : "None: anyone may call it.";
}

function ParametersTable({ parameters, label }: { parameters: OpenApiParameter[]; label: string }) {
  return (
    <ReferenceTable label={label} nameHeading="Name">
      {parameters.map((parameter) => (
        <tr key={`${parameter.in}:${parameter.name}`} className="border-t border-gray-100 dark:border-gray-800">
          <th scope="row" className={nameCellClass}>
            <code className="font-mono text-xs">{parameter.name}</code>
            <span className="block text-xs text-gray-600 dark:text-gray-400">in {parameter.in}</span>
          </th>
          <td className={cellClass}>
            <TypeCell schema={parameter.schema} required={parameter.required} />
          </td>
          <td className={`${cellClass} pr-0`}>{parameter.description && <InlineCode text={parameter.description} />}</td>
        </tr>
      ))}
    </ReferenceTable>
  );
}

function ResponseItem({ status, response }: { status: string; response: OpenApiResponse }) {
  const schema = response.content?.["application/json"].schema;
  const body = schema ? refName(schema) : null;
  return (
    <li className="flex flex-col gap-1">
      <p>
        <span className="font-mono font-semibold">{status === "default" ? "Otherwise" : status}</span>:{" "}
        <InlineCode text={response.description} />
        {body && (
          <>
            {" "}
            Body:{" "}
            <a href={`#${schemaAnchor(body)}`} className={linkClass}>
              {body}
            </a>
            .
          </>
        )}
      </p>
      {response.headers && (
        <ul className="ml-4 list-disc pl-4 text-sm text-gray-700 dark:text-gray-300">
          {Object.entries(response.headers).map(([name, header]) => (
            <li key={name}>
              <code className="font-mono">{name}</code>: <InlineCode text={header.description} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** One operation of the reference: what it does, who may call it, its parameters, an example, its answers. */
export function ApiOperation({ path, method, operation }: { path: string; method: string; operation: OpenApiOperation }) {
  const headingId = operation.operationId;
  const requestBody = operation.requestBody?.content["application/json"].schema;
  return (
    <section
      aria-labelledby={headingId}
      className="scroll-mt-4 rounded-xl border border-gray-200 bg-white p-5 dark:border-gray-800 dark:bg-gray-900"
    >
      <h3 id={headingId} className="flex scroll-mt-4 flex-wrap items-center gap-2 text-lg font-semibold">
        <MethodBadge method={method} />
        <code className="font-mono text-base [overflow-wrap:anywhere]">{path}</code>
        <span className="sr-only">: </span>
        <span className="text-base font-normal text-gray-700 dark:text-gray-300">{operation.summary}</span>
      </h3>
      <p className="mt-2 text-gray-700 dark:text-gray-300">
        <InlineCode text={operation.description} />
      </p>
      <p className="mt-2 text-sm">
        <span className="font-semibold">Authorization:</span> {authText(operation)}
      </p>
      {operation.parameters && (
        <>
          <h4 className={subheadingClass}>Parameters</h4>
          <ParametersTable parameters={operation.parameters} label={`Parameters of ${method.toUpperCase()} ${path}`} />
        </>
      )}
      {requestBody && operation.requestBody && (
        <>
          <h4 className={subheadingClass}>Request body</h4>
          <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">
            JSON (<code className="font-mono">Content-Type: application/json</code>),{" "}
            {operation.requestBody.required ? "required" : "optional"}.
          </p>
          <FieldsTable schema={requestBody} label={`Request body of ${method.toUpperCase()} ${path}`} />
        </>
      )}
      <h4 className={subheadingClass}>Example</h4>
      {operation["x-codeSamples"].map((sample) => (
        <pre
          key={sample.label}
          className="mt-2 rounded-lg bg-gray-100 p-3 font-mono text-sm break-all whitespace-pre-wrap dark:bg-gray-950"
        >
          <code>{sample.source}</code>
        </pre>
      ))}
      <h4 className={subheadingClass}>Responses</h4>
      <ul className="mt-2 flex flex-col gap-2 text-sm">
        {Object.entries(operation.responses).map(([status, response]) => (
          <ResponseItem key={status} status={status} response={response} />
        ))}
      </ul>
    </section>
  );
}
