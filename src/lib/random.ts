/**
 * A seeded pseudo-random generator (mulberry32): tiny, fast and identical on
 * every platform, so generated corpora and illustrations are reproducible.
 */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** A whole number from min to max, both included. */
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  /** A real number from min (included) to max (excluded). */
  const range = (min: number, max: number) => min + (max - min) * next();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  /** `count` different items, in random order. */
  const sample = <T>(list: readonly T[], count: number): T[] => {
    const pool = [...list];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
    return out;
  };
  return { next, int, range, pick, sample };
}

export type Random = ReturnType<typeof createRandom>;
