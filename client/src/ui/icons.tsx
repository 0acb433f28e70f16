// Small inline SVG icons (no icon font: Debian's Chromium has no emoji font).
const common = {
  width: 16,
  height: 16,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
} as const;

export function TrashIcon() {
  return (
    <svg {...common}>
      <path d="M3 6h18M8 6V4h8v2M19 6l-1 14H6L5 6M10 11v6M14 11v6" />
    </svg>
  );
}

export function ChevronIcon({ open }: { open: boolean }) {
  return (
    <svg {...common} style={{ transform: open ? 'rotate(90deg)' : undefined, transition: 'transform 0.1s' }}>
      <path d="M9 6l6 6-6 6" />
    </svg>
  );
}

export function GripIcon() {
  return (
    <svg {...common}>
      <path d="M9 5h.01M15 5h.01M9 12h.01M15 12h.01M9 19h.01M15 19h.01" strokeWidth={3} />
    </svg>
  );
}
