// Shows an exported HTML report in a sandboxed frame: no scripts, no same-origin access, whatever participants typed.
export function ReportFrame({ html, title }: { html: string; title: string }) {
  // sandbox="" : scripts, forms, popups and top navigation are all off; the export's own CSP is a second wall.
  return <iframe className="report-frame" title={title} sandbox="" srcDoc={html} data-testid="report-frame" />;
}
