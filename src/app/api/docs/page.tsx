import type { Metadata } from "next";
import { ApiReference } from "@/components/api-reference/api-reference";
import { apiDocument } from "@/server/api-docs/document";

export const metadata: Metadata = {
  title: "API reference",
  description:
    "The Daily Papers JSON API: papers in Hugging Face's shape, search, comments, and a reader's own library, upvotes, follows and For you.",
  alternates: { types: { "application/vnd.oai.openapi+json": [{ url: "/api/openapi.json", title: "OpenAPI 3.1" }] } },
};

export default function ApiDocsPage() {
  return <ApiReference document={apiDocument()} />;
}
