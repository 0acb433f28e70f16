// The report's inline stylesheet: readable on screen, and print styles good
// enough to "save as PDF" from a browser (page margins, no split rows,
// link targets printed, colour kept for status chips).

/** CSS inlined into the exported HTML. */
export const REPORT_CSS = `
:root { color-scheme: light; --fg: #1d2430; --muted: #5b6472; --line: #d9dee7; --bg-soft: #f5f7fa; --accent: #2457c5; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: #fff; }
main { max-width: 62rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .7rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
p { margin: .4rem 0 .8rem; }
a { color: var(--accent); }
.facts { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; color: var(--muted); margin: 0 0 1rem; padding: 0; list-style: none; }
.facts strong { color: var(--fg); font-weight: 600; }
.empty { color: var(--muted); font-style: italic; }
.note { color: var(--muted); font-size: .9rem; }
table { width: 100%; border-collapse: collapse; margin: .6rem 0 1rem; font-size: .93rem; }
th, td { text-align: left; vertical-align: top; padding: .45rem .55rem; border-bottom: 1px solid var(--line); }
th { background: var(--bg-soft); font-weight: 600; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
td p { margin: 0 0 .3rem; }
.chip { display: inline-block; padding: 0 .45rem; border-radius: .6rem; font-size: .8rem; background: var(--bg-soft); border: 1px solid var(--line); white-space: nowrap; }
.chip.done { background: #e6f4ea; border-color: #a8d5b5; }
.chip.open, .chip.in_progress { background: #fff4e0; border-color: #f0c987; }
.chip.supported { background: #e6f4ea; } .chip.refuted { background: #fbe9e9; text-decoration: line-through; }
.annotation { margin: .25rem 0 0; padding: .2rem .5rem; border-left: 3px solid #f0c987; background: #fffaf0; font-size: .88rem; }
ul.whys, ul.whys ul { list-style: none; padding-left: 1.2rem; border-left: 2px solid var(--line); margin: .2rem 0; }
ul.whys { border-left: 0; padding-left: 0; }
ul.whys li { margin: .3rem 0; }
dl.qa dt { font-weight: 600; margin-top: .8rem; } dl.qa dd { margin: .2rem 0 0; }
blockquote { margin: .4rem 0; padding-left: .8rem; border-left: 3px solid var(--line); color: var(--muted); }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .88em; background: var(--bg-soft); border-radius: 3px; }
code { padding: 0 .2rem; } pre { padding: .6rem; overflow-x: auto; white-space: pre-wrap; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); padding-top: .8rem; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; }
  tr, li, .annotation, dl.qa dd { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: underline; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em; color: var(--muted); word-break: break-all; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
