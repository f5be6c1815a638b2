// Randomness only from a seeded PRNG (mulberry32) and time only from the `now` handed in, so the same scenario
// and now give the same world.

// ---------------------------------------------------------------------------------------------------------------
// PRNG

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Rng {
  next(): number
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
  hex(length: number): string
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed)
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    hex: (length) => {
      let s = ''
      while (s.length < length) s += Math.floor(next() * 0x100000000).toString(16).padStart(8, '0')
      return s.slice(0, length)
    },
  }
}


export const iso = (ms: number): string => new Date(ms).toISOString()
