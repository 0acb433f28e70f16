// The header of the follow-up pages: home, and links between the actions, insights, quarter and template pages.
export function PageHeader({
  title,
  current,
}: {
  title: string;
  current: 'actions' | 'insights' | 'quarter' | 'template';
}) {
  return (
    <header className="review-header">
      <div className="review-title">
        <a href="/" className="home-link" aria-label="Hindsight home">
          ◐
        </a>
        <h1>{title}</h1>
      </div>
      <nav className="header-meta followup-nav" aria-label="Follow-up">
        <a href="/actions" aria-current={current === 'actions' ? 'page' : undefined}>
          Action items
        </a>
        <a href="/insights" aria-current={current === 'insights' ? 'page' : undefined}>
          Insights
        </a>
        <a href="/insights/quarter" aria-current={current === 'quarter' ? 'page' : undefined}>
          Quarterly review
        </a>
        <a href="/insights/template" aria-current={current === 'template' ? 'page' : undefined}>
          Review template
        </a>
      </nav>
    </header>
  );
}
