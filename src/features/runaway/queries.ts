// Placeholder until the runaway feature lands: the navigation reads the count from here.
export function useRunawayCount(): number | undefined {
  return undefined
}
