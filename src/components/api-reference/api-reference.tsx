import Link from "next/link";
import { ApiOperation } from "@/components/api-reference/api-operation";
import { FieldsTable } from "@/components/api-reference/fields-table";
import { InlineCode } from "@/components/api-reference/inline-code";
import { MethodBadge } from "@/components/api-reference/method-badge";
import { schemaAnchor, TypeName } from "@/components/api-reference/type-cell";
import { withoutNull } from "@/lib/api-docs/schema-text";
import type { OpenApiDocument, OpenApiMethod, OpenApiOperation } from "@/server/api-docs/openapi";

const linkClass = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";

interface Listed {
  path: string;
  method: OpenApiMethod;
  operation: OpenApiOperation;
}

const tagAnchor = (tag: string) => `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

function operationsByTag(document: OpenApiDocument): { name: string; description: string; operations: Listed[] }[] {
  const listed = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method: method as OpenApiMethod, operation })),
  );
  return document.tags.map((tag) => ({ ...tag, operations: listed.filter(({ operation }) => operation.tags[0] === tag.name) }));
}

/** The API reference at /api/docs, rendered from the OpenAPI document (/api/openapi.json) alone. */
export function ApiReference({ document }: { document: OpenApiDocument }) {
  const tags = operationsByTag(document);
  const baseUrl = document.servers[0]?.url ?? "";
  return (
    <article className="flex flex-col gap-8">
      <header className="flex max-w-3xl flex-col gap-3">
        <h1 className="text-2xl font-bold">API reference</h1>
        <p className="text-gray-700 dark:text-gray-300">{document.info.description}</p>
        <ul className="list-disc pl-6 text-gray-700 dark:text-gray-300">
          <li>
            Base URL: <code className="font-mono [overflow-wrap:anywhere]">{baseUrl}</code>. Send{" "}
            <code className="font-mono">If-None-Match</code> with an answer&apos;s <code className="font-mono">ETag</code> for a free 304
            where one is given.
          </li>
          <li>
            Account endpoints take a personal access token, made on{" "}
            <Link href="/me#tokens" className={linkClass}>
              your account page
            </Link>
            , as <code className="font-mono">Authorization: Bearer dp_…</code>; the examples write it as{" "}
            <code className="font-mono">$TOKEN</code>.
          </li>
          <li>
            The same description as OpenAPI 3.1, for client generators and agents:{" "}
            <a href="/api/openapi.json" className={linkClass}>
              /api/openapi.json
            </a>{" "}
            (version {document.info.version}).
          </li>
        </ul>
      </header>

      <nav
        aria-labelledby="contents-heading"
        className="rounded-xl border border-gray-200 bg-white p-5 dark:border-gray-800 dark:bg-gray-900"
      >
        <h2 id="contents-heading" className="text-lg font-semibold">
          On this page
        </h2>
        <ul className="mt-2 flex flex-col gap-3">
          {tags.map((tag) => (
            <li key={tag.name}>
              <a href={`#${tagAnchor(tag.name)}`} className={linkClass}>
                {tag.name}
              </a>
              <ul className="mt-1 flex flex-col gap-1 pl-4 text-sm">
                {tag.operations.map(({ path, method, operation }) => (
                  <li key={operation.operationId} className="flex flex-wrap items-center gap-x-2">
                    <MethodBadge method={method} />
                    <a href={`#${operation.operationId}`} className={`${linkClass} font-mono [overflow-wrap:anywhere]`}>
                      {path}
                    </a>
                    <span className="text-gray-600 dark:text-gray-400">{operation.summary}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
          <li>
            <a href="#schemas" className={linkClass}>
              Schemas
            </a>
          </li>
        </ul>
      </nav>

      {tags.map((tag) => (
        <section key={tag.name} aria-labelledby={tagAnchor(tag.name)} className="flex flex-col gap-4">
          <h2 id={tagAnchor(tag.name)} className="scroll-mt-4 text-xl font-bold">
            {tag.name}
          </h2>
          <p className="-mt-2 text-gray-700 dark:text-gray-300">
            <InlineCode text={tag.description} />
          </p>
          {tag.operations.map(({ path, method, operation }) => (
            <ApiOperation key={operation.operationId} path={path} method={method} operation={operation} />
          ))}
        </section>
      ))}

      <section aria-labelledby="schemas" className="flex flex-col gap-4">
        <h2 id="schemas" className="scroll-mt-4 text-xl font-bold">
          Schemas
        </h2>
        <p className="-mt-2 text-gray-700 dark:text-gray-300">
          The JSON the answers carry. Fields marked optional are left out when there is no value.
        </p>
        {Object.entries(document.components.schemas).map(([name, schema]) => {
          const shape = withoutNull(schema).schema;
          return (
            <section
              key={name}
              aria-labelledby={schemaAnchor(name)}
              className="rounded-xl border border-gray-200 bg-white p-5 dark:border-gray-800 dark:bg-gray-900"
            >
              <h3 id={schemaAnchor(name)} className="scroll-mt-4 font-mono text-lg font-semibold">
                {name}
              </h3>
              {shape.description && (
                <p className="mt-1 text-gray-700 dark:text-gray-300">
                  <InlineCode text={shape.description} />
                </p>
              )}
              {shape.type === "array" && (
                <p className="mt-1 text-gray-700 dark:text-gray-300">
                  An{" "}
                  <code className="font-mono">
                    <TypeName schema={shape} />
                  </code>
                  .
                </p>
              )}
              <FieldsTable schema={shape} label={`Fields of ${name}`} />
            </section>
          );
        })}
      </section>
    </article>
  );
}
