// Placeholder: the feature fills this in.
export function JobDetailRoute() {
  return <h1 className="p-6 text-xl font-semibold">Job</h1>
}
