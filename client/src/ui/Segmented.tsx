// A radio group drawn as one row of toggles; arrow keys move between options (native radios).
import './segmented.css';

export interface SegmentedProps<T extends string | number> {
  label: string;
  name: string;
  options: readonly { value: T; label: string }[];
  value: T;
  disabled?: boolean;
  onChange: (value: T) => void;
}

export function Segmented<T extends string | number>({
  label,
  name,
  options,
  value,
  disabled,
  onChange,
}: SegmentedProps<T>) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <label key={String(o.value)} className={`segment${o.value === value ? ' is-on' : ''}`}>
          <input
            type="radio"
            name={name}
            value={String(o.value)}
            checked={o.value === value}
            disabled={disabled}
            onChange={() => onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
    </div>
  );
}
