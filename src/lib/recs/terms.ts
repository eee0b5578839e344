// The words of a paper as the recommender sees them: lowercase words of its title and abstract
// without the function words and the filler of every abstract, two-word phrases of adjacent kept
// words of its title ("theorem proving", "diffusion model"), and its arXiv categories as `cat:<id>`
// terms. Pure, so the import, the background refresh and `npm run eval:recs` count the same terms.

// English function words and the phrases nearly every abstract uses; idf would push them down
// anyway, but dropping them keeps them out of two-word phrases and out of the stored top terms.
const STOPWORDS = new Set(
  `a about above across after again against all almost along also although always am among an and another any
  are around as at be because been before being below between both but by can cannot could did do does doing done
  down due during each either else enough especially etc even ever every few for from further furthermore had has
  have having here hence how however i if in into is it its itself just least less like made make makes many may
  might more moreover most much must my neither no nor not now of off often on once one only onto or other others
  otherwise our ours out over own per perhaps rather same several shall she should show shows shown showed since
  so some such than that the their them themselves then there thereby therefore these they this those though
  through thus to too toward towards under until up upon us use used uses using very via was we well were what
  whatever when where whereas whether which while who whom whose why will with within without would yet you your
  able achieve achieves achieved achieving across address addresses approach approaches based demonstrate
  demonstrates existing experiments extensive furthermore improve improves improved including introduce
  introduces key large leverage leverages method methods new novel paper present presents previous propose
  proposed proposes provide provides recent recently related remains result results significant significantly
  specifically state study studies task tasks various work works art code available vs et al eg ie`.split(/\s+/),
);

/** How many times the title's words count beside the abstract's: a title says what matters. */
const TITLE_WEIGHT = 2;

/** Word forms folded together: plural "models" and "model", "policies" and "policy". */
function fold(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The kept words of a text in order, null where a dropped word breaks a phrase. */
function words(text: string): (string | null)[] {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}\-']*/gu) ?? [];
  return tokens.map((token) => {
    const word = token.replace(/['\-]+$/, "").replace(/'s$/, "");
    if (word.length < 2 || STOPWORDS.has(word) || /^[\d\-.]+$/.test(word)) return null;
    return fold(word);
  });
}

function addText(counts: Map<string, number>, text: string, weight: number, withPhrases: boolean) {
  let previous: string | null = null;
  for (const word of words(text)) {
    if (word !== null) {
      counts.set(word, (counts.get(word) ?? 0) + weight);
      if (withPhrases && previous !== null && previous !== word) {
        const phrase = `${previous} ${word}`;
        counts.set(phrase, (counts.get(phrase) ?? 0) + weight);
      }
    }
    previous = word;
  }
}

export interface TermSource {
  title: string;
  abstract: string;
  categories?: readonly string[];
}

/**
 * Each term of a paper with how often it occurs (title words counted TITLE_WEIGHT times). Phrases
 * come from the title only: nearly every two-word phrase of an abstract ("quite closely", "average
 * token") occurs in no other paper, so its rarity gave it the highest tf-idf and abstract phrases
 * filled most of a paper's TERMS_PER_PAPER places, crowding out the words papers share
 * (`npm run eval:recs`: P@10 0.512 -> 0.609, docs/recommendations.md).
 */
export function paperTermCounts({ title, abstract, categories = [] }: TermSource): Map<string, number> {
  const counts = new Map<string, number>();
  addText(counts, title, TITLE_WEIGHT, true);
  addText(counts, abstract, 1, false);
  for (const category of new Set(categories)) counts.set(`cat:${category}`, 1);
  return counts;
}
