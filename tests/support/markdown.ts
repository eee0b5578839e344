// The renditions for agents are checked by parsing them as agents' tools would: CommonMark with
// GitHub's extensions (remark, as the site's own comment renderer uses).
import type { Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const parser = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdown(markdown: string): Root {
  return parser.parse(markdown);
}

/** Every node of the tree, depth first. */
export function nodesOf(tree: Nodes): Nodes[] {
  const children: Nodes[] = "children" in tree ? tree.children : [];
  return [tree, ...children.flatMap((child) => nodesOf(child))];
}

/** The text a node reads as (what a reader sees, with no Markdown left). */
export function textOf(node: Nodes): string {
  if ("value" in node) return node.value;
  const children: Nodes[] = "children" in node ? node.children : [];
  return children.map((child) => textOf(child)).join("");
}

/** The URLs of every link, in order. */
export function linksOf(tree: Nodes): { url: string; text: string }[] {
  return nodesOf(tree).flatMap((node) => (node.type === "link" ? [{ url: node.url, text: textOf(node) }] : []));
}
