// Placeholder: the feature fills this in.
export function JobsRoute() {
  return <h1 className="p-6 text-xl font-semibold">Jobs</h1>
}
