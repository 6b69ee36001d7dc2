/**
 * How close a column's header is to an item's title and prompt: cosine similarity of word
 * weights, each word weighted by how rare it is among the items (a word every item shares, such
 * as "customers", tells nothing), with a light stemming so that "respond" meets "responds".
 */
const STOP = new Set(
  'a an and are as at be by can do does for from has have how i if in is it its me my not of on or our so that the their them there they this to us was we were what when where which who why will with you your yours'.split(' '),
);

export function words(text: string): string[] {
  return (text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]+/g) ?? [])
    .filter((w) => !STOP.has(w) && w.length > 1)
    .map(stem);
}

function stem(word: string): string {
  for (const suffix of ['ingly', 'edly', 'ness', 'ment', 'ing', 'ies', 'ed', 'ly', 'es', 's']) {
    if (word.length > suffix.length + 3 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

export class ItemMatcher {
  private readonly idf = new Map<string, number>();
  private readonly vectors: Array<{ id: string; vector: Map<string, number>; norm: number }>;

  /** `items`: id and text; the title counts twice, as it names what the item is about. */
  constructor(items: ReadonlyArray<{ id: string; title: string; prompt: string }>) {
    const docs = items.map((item) => ({ id: item.id, terms: [...words(item.title), ...words(item.title), ...words(item.prompt), ...words(item.id.replace(/-/g, ' '))] }));
    const df = new Map<string, number>();
    for (const doc of docs) for (const term of new Set(doc.terms)) df.set(term, (df.get(term) ?? 0) + 1);
    for (const [term, n] of df) this.idf.set(term, Math.log(1 + docs.length / n));
    this.vectors = docs.map((doc) => {
      const vector = this.weigh(doc.terms);
      return { id: doc.id, vector, norm: norm(vector) };
    });
  }

  /** Every item's similarity to `text`, from 0 to 1, best first. */
  rank(text: string): Array<{ id: string; score: number }> {
    const vector = this.weigh(words(text));
    const n = norm(vector);
    return this.vectors
      .map((item) => {
        let dot = 0;
        for (const [term, w] of vector) dot += w * (item.vector.get(term) ?? 0);
        return { id: item.id, score: n === 0 || item.norm === 0 ? 0 : dot / (n * item.norm) };
      })
      .sort((a, b) => b.score - a.score);
  }

  private weigh(terms: readonly string[]): Map<string, number> {
    const vector = new Map<string, number>();
    for (const term of terms) {
      const idf = this.idf.get(term);
      if (idf !== undefined) vector.set(term, (vector.get(term) ?? 0) + idf);
    }
    return vector;
  }
}

function norm(vector: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const w of vector.values()) sum += w * w;
  return Math.sqrt(sum);
}
