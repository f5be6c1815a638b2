// Placeholder: the feature fills this in.
export function RunawayRoute() {
  return <h1 className="p-6 text-xl font-semibold">Runaway</h1>
}
