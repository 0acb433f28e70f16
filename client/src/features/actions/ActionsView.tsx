// Placeholder until the view lands.
export function ActionsView(_props: { onJumpToEntry?: (id: string) => void }) {
  return <p className="view-scroll muted">Coming soon.</p>;
}
