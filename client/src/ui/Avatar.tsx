// A coloured initial for a person.
/**
 * Initials from the words of a name, ignoring what is in brackets and anything that is not a letter:
 * "Fran (facilitator)" -> "F", "Sam Lee" -> "SL", "o'brien" -> "O".
 */
export function initials(name: string): string {
  const words = name
    .replace(/\([^)]*\)?|\[[^\]]*\]?/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
  if (words.length === 0) return '?';
  const first = [...words[0]!][0]!;
  const last = words.length > 1 ? [...words[words.length - 1]!][0]! : '';
  return (first + last).toUpperCase();
}

export function Avatar({ name, color }: { name: string; color: string }) {
  return (
    <span className="avatar" style={{ background: color }} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
