// BM25 from flat posting lists: the scores MiniSearch's search() gives for an OR query without
// fuzzy or prefix matching, worked out once per (term, entry) when the index is loaded instead of
// per question. MiniSearch builds the index (and its saved form, toJSON(), is what we load);
// searching it through MiniSearch allocated a result object per field per matching entry and took
// about 60% of a question's time ("backend" alone is in hundreds of entries' fields).
//
// The figures are MiniSearch's to the last bit, and so is the order of equal scores: per term, each
// field's BM25 (k 1.2, b 0.7, d 0.5) times the field's boost, added in field order; terms added in
// the query's order (a term said twice counts twice); the total times the number of distinct
// query terms the entry matched; sorted best first, ties in the order the entries first matched.
// tests/postings.test.ts compares both on every example question.
import type { AsPlainObject } from 'minisearch';

export interface Posted {
  id: string;
  score: number;
  /** The distinct query terms this entry matched, in the query's order. */
  queryTerms: string[];
}

/** MiniSearch's defaults (defaultBM25params), which both our indexes use. */
const K = 1.2;
const B = 0.7;
const D = 0.5;

/** The plain object MiniSearch's toJSON() gives (serialization version 2). */
interface Plain {
  documentCount: number;
  documentIds: Record<string, string>;
  fieldIds: Record<string, number>;
  fieldLength: Record<string, number[]>;
  averageFieldLength: number[];
  index: [string, Record<string, Record<string, number>>][];
  serializationVersion: number;
}

export class Postings {
  /** term -> entries (short ids) in first-match order, and each one's boosted BM25 summed over fields. */
  private readonly lists = new Map<string, { docs: Int32Array; scores: Float64Array }>();
  private readonly ids: string[] = [];
  /**
   * Per query, reused: each entry's running score, the distinct query terms it matched (a count,
   * and the first 31 as bits), and the query it was last seen in; the entries in first-match order.
   */
  private readonly acc: Float64Array;
  private readonly count: Int32Array;
  private readonly bits: Int32Array;
  private readonly stamp: Int32Array;
  private readonly seen: Int32Array;
  private query = 0;

  constructor(saved: AsPlainObject, fields: readonly string[], boost: Readonly<Record<string, number>>) {
    const plain = saved as unknown as Plain;
    if (plain.serializationVersion !== 2) throw new Error(`unexpected MiniSearch index version ${plain.serializationVersion}`);
    let size = 0;
    for (const short of Object.keys(plain.documentIds)) {
      const n = Number(short);
      this.ids[n] = plain.documentIds[short]!;
      size = Math.max(size, n + 1);
    }
    this.acc = new Float64Array(size);
    this.count = new Int32Array(size);
    this.bits = new Int32Array(size);
    this.seen = new Int32Array(size);
    this.stamp = new Int32Array(size);
    const order = fields.map((f) => [plain.fieldIds[f]!, boost[f] ?? 1] as const);
    for (const [term, byField] of plain.index) {
      const total = new Map<number, number>();
      for (const [fieldId, fieldBoost] of order) {
        const freqs = byField[String(fieldId)];
        if (!freqs) continue;
        // Object.keys gives integer keys in ascending order, as MiniSearch's loaded maps hold them.
        const docs = Object.keys(freqs);
        const idf = Math.log(1 + (plain.documentCount - docs.length + 0.5) / (docs.length + 0.5));
        const avg = plain.averageFieldLength[fieldId]!;
        for (const d of docs) {
          const tf = freqs[d]!;
          const length = plain.fieldLength[d]![fieldId]!;
          const score = fieldBoost * (idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * length) / avg))));
          const doc = Number(d);
          const before = total.get(doc);
          total.set(doc, before === undefined ? score : before + score);
        }
      }
      this.lists.set(term, { docs: Int32Array.from(total.keys()), scores: Float64Array.from(total.values()) });
    }
  }

  /**
   * The `limit` best entries matching any of `terms` (of those `filter` keeps), best first. Only
   * they are ranked and given objects: a question's terms match hundreds of entries.
   */
  search(terms: readonly string[], limit: number, filter?: (id: string) => boolean): Posted[] {
    const q = ++this.query;
    let seen = 0;
    const distinct: string[] = [];
    for (const term of terms) {
      const list = this.lists.get(term);
      if (!list) continue;
      // A term said twice adds its score twice but is one matched term.
      const again = distinct.includes(term);
      const bit = again ? 0 : distinct.length < 31 ? 1 << distinct.length : 0;
      if (!again) distinct.push(term);
      const { docs, scores } = list;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        if (this.stamp[doc] !== q) {
          this.stamp[doc] = q;
          this.acc[doc] = scores[i]!;
          this.count[doc] = 1;
          this.bits[doc] = bit;
          this.seen[seen++] = doc;
          continue;
        }
        this.acc[doc] = this.acc[doc]! + scores[i]!;
        if (!again) {
          this.count[doc] = this.count[doc]! + 1;
          this.bits[doc] = this.bits[doc]! | bit;
        }
      }
    }
    // The best `limit` in one pass, in first-match order: an equal score goes after the ones
    // before it, as a stable sort of all of them would leave it.
    const top: number[] = [];
    const topScore: number[] = [];
    for (let i = 0; i < seen; i++) {
      const doc = this.seen[i]!;
      const score = this.acc[doc]! * this.count[doc]!;
      if (top.length >= limit && score <= topScore[top.length - 1]!) continue;
      if (filter && !filter(this.ids[doc]!)) continue;
      let at = top.length;
      while (at > 0 && topScore[at - 1]! < score) at--;
      top.splice(at, 0, doc);
      topScore.splice(at, 0, score);
      if (top.length > limit) {
        top.pop();
        topScore.pop();
      }
    }
    return top.map((doc, i) => ({ id: this.ids[doc]!, score: topScore[i]!, queryTerms: this.termsOf(doc, distinct) }));
  }

  /** The distinct query terms `doc` matched, in the query's order. */
  private termsOf(doc: number, distinct: readonly string[]): string[] {
    return distinct.filter((term, t) => (t < 31 ? (this.bits[doc]! & (1 << t)) !== 0 : this.lists.get(term)!.docs.includes(doc)));
  }
}
