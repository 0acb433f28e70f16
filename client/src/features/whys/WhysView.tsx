// Placeholder until the view lands.
export function WhysView(_props: { onJumpToEntry?: (id: string) => void }) {
  return <p className="view-scroll muted">Coming soon.</p>;
}
