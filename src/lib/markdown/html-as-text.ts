import type { Parent, Root, RootContent } from "mdast";

function showHtmlAsText(node: Parent, block: boolean): void {
  node.children = node.children.map((child: RootContent): RootContent => {
    if (child.type === "html") {
      const text = { type: "text" as const, value: child.value };
      return block ? { type: "paragraph", children: [text] } : text;
    }
    if ("children" in child) showHtmlAsText(child, child.type === "blockquote" || child.type === "listItem");
    return child;
  }) as Parent["children"];
}

/**
 * A remark plugin: HTML written in a comment is shown as the text it is (`<think>` reads as
 * `<think>`), never rendered and never silently dropped.
 */
export function remarkHtmlAsText() {
  return (tree: Root) => showHtmlAsText(tree, true);
}
