// One 1–5 survey question: a radio group, answerable with the arrow keys.
export function ScaleQuestion({
  name,
  question,
  low,
  high,
  value,
  onChange,
}: {
  name: string;
  question: string;
  low: string;
  high: string;
  value: number | null;
  onChange: (value: number) => void;
}) {
  return (
    <fieldset className="scale-question">
      <legend>{question}</legend>
      <div className="scale-row">
        <span className="muted scale-end" aria-hidden="true">
          {low}
        </span>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="scale-option">
            <input
              type="radio"
              name={name}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
              aria-label={`${n}${n === 1 ? ` (${low})` : n === 5 ? ` (${high})` : ''}`}
            />
            <span aria-hidden="true">{n}</span>
          </label>
        ))}
        <span className="muted scale-end" aria-hidden="true">
          {high}
        </span>
      </div>
    </fieldset>
  );
}
