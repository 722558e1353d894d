import { describe, expect, it } from "vitest";
import { addToCorpus, emptyCorpus, vectorize, vectorizeBinary } from "@/lib/recs/model";
import { paperTerms } from "@/lib/recs/text";

/** An int4[] or float4[] as Postgres's array_send writes it. */
function arraySend(values: number[], float: boolean): Uint8Array {
  const buf = new DataView(new ArrayBuffer(20 + values.length * 8));
  buf.setInt32(0, 1);
  buf.setInt32(8, float ? 700 : 23);
  buf.setInt32(12, values.length);
  buf.setInt32(16, 1);
  values.forEach((v, i) => {
    buf.setInt32(20 + i * 8, 4);
    if (float) buf.setFloat32(24 + i * 8, v);
    else buf.setInt32(24 + i * 8, v);
  });
  return new Uint8Array(buf.buffer);
}

describe("vectorizeBinary", () => {
  const docs = ["Dark matter halos of galaxy clusters", "Galaxy clusters and lensing", "Robot grasping with tactile sensors"];
  const corpus = emptyCorpus();
  for (const d of docs) addToCorpus(corpus, paperTerms(d, `${d} observed`));

  it("gives the vector vectorize gives from the same stored terms", () => {
    const t = paperTerms(docs[0], `${docs[0]} observed`);
    const tf = t.tf.map((x) => Math.fround(x));
    const a = vectorize({ idx: t.idx, tf }, corpus);
    const b = vectorizeBinary(arraySend(t.idx, false), arraySend(tf, true), corpus);
    expect([...b.idx]).toEqual([...a.idx]);
    expect(b.idx.length).toBeGreaterThan(0);
    b.val.forEach((v, i) => expect(v).toBeCloseTo(a.val[i], 6));
  });

  it("refuses arrays it cannot read instead of misreading them", () => {
    const good = arraySend([1, 2], false);
    expect(() => vectorizeBinary(good.slice(0, 25), arraySend([1, 1], true), corpus)).toThrow();
    expect(() => vectorizeBinary(good, arraySend([1], true), corpus)).toThrow();
    expect(vectorizeBinary(new Uint8Array(12), new Uint8Array(12), corpus).idx.length).toBe(0);
  });
});
