import type { Link, Parent, Root, RootContent, Text } from "mdast";

// New-style arXiv ids whose month is real (YYMM.NNNNN), so ordinary numbers such as 1234.5678 stay text.
const ARXIV_MENTION = /\b(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?\b/g;

function splitText(node: Text): (Text | Link)[] {
  const parts: (Text | Link)[] = [];
  let last = 0;
  for (const match of node.value.matchAll(ARXIV_MENTION)) {
    const [mention, id] = match;
    if (match.index > last) parts.push({ type: "text", value: node.value.slice(last, match.index) });
    parts.push({ type: "link", url: `/papers/${id}`, children: [{ type: "text", value: mention }] });
    last = match.index + mention.length;
  }
  if (parts.length === 0) return [node];
  if (last < node.value.length) parts.push({ type: "text", value: node.value.slice(last) });
  return parts;
}

function linkMentions(node: Parent): void {
  node.children = node.children.flatMap((child: RootContent): RootContent[] => {
    if (child.type === "text") return splitText(child);
    // Text already inside a link stays as written.
    if ("children" in child && child.type !== "link" && child.type !== "linkReference") linkMentions(child);
    return [child];
  }) as Parent["children"];
}

/** A remark plugin: arXiv ids mentioned in text (`2606.01234`) link to that paper on this site. */
export function remarkArxivLinks() {
  return (tree: Root) => linkMentions(tree);
}
