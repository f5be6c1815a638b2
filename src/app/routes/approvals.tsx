// Placeholder: the feature fills this in.
export function ApprovalsRoute() {
  return <h1 className="p-6 text-xl font-semibold">Approvals</h1>
}
