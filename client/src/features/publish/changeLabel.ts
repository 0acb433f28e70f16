// Where an anonymisation change is, in words: `timeline.entries[2].summary` -> `Timeline entry 3 · what happened`.

const FIELD_LABEL: Record<string, string> = {
  createdBy: 'author',
  summary: 'what happened',
  by: 'author',
};

const words = (id: string): string => id.replace(/([A-Z])/g, ' $1').toLowerCase();
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function changeLabel(path: string): string {
  const parts = path.split('.');
  const out: string[] = [];
  for (const part of parts) {
    const m = /^([A-Za-z]+)(?:\[(\d+)\])?$/.exec(part);
    if (!m) return path;
    const [, name, index] = m as unknown as [string, string, string | undefined];
    if (index !== undefined) {
      // A list: "entries[2]" -> "entry 3" (the singular of the list name).
      out.push(`${words(name).replace(/ies$/, 'y').replace(/s$/, '')} ${Number(index) + 1}`);
    } else {
      out.push(FIELD_LABEL[name] ?? words(name));
    }
  }
  // "timeline", "entry 3", "summary" -> "Timeline entry 3 · what happened"
  const [first = '', second, ...rest] = out;
  const head = second !== undefined && /\d$/.test(second) ? `${first} ${second}` : first;
  const tail = second !== undefined && /\d$/.test(second) ? rest : [second, ...rest].filter((x) => x !== undefined);
  return [capital(head), ...tail].join(' · ');
}
