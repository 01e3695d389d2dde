// Disjoint sets over 0..n-1 with path halving and union by size: the transitive "same as" of speakers and quotes.
import { pacer, type Sliced } from './slices';

export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(count: number) {
    this.parent = new Int32Array(count);
    this.size = new Int32Array(count).fill(1);
    for (let i = 0; i < count; i++) this.parent[i] = i;
  }

  find(i: number): number {
    let x = i;
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }

  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size[ra] < this.size[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] += this.size[rb];
  }

  /** Members of each set, keyed by the set's root, in ascending member order. */
  *groups(): Sliced<Map<number, number[]>> {
    const pace = pacer();
    const out = new Map<number, number[]>();
    for (let i = 0; i < this.parent.length; i++) {
      if (pace()) yield;
      const root = this.find(i);
      const members = out.get(root);
      if (members) members.push(i);
      else out.set(root, [i]);
    }
    return out;
  }
}
