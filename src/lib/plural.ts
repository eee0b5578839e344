const rules = new Intl.PluralRules("en-US");
const integer = new Intl.NumberFormat("en-US");

/** The noun in the form English needs for `count`: "comment" for 1, "comments" otherwise. */
export function pluralNoun(count: number, one: string, other: string): string {
  return rules.select(count) === "one" ? one : other;
}

/** "1 comment", "2 comments", "1,234 upvotes": the count and the noun in the form English needs. */
export function countOf(count: number, one: string, other: string): string {
  return `${integer.format(count)} ${pluralNoun(count, one, other)}`;
}
