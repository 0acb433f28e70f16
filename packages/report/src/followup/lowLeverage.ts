// Flags action items that change people rather than the system ("be more
// careful", "more training", "remind people") or that cannot be followed up
// (no owner, no deadline).

/** Identifiers of the low-leverage checks. */
export const LOW_LEVERAGE_KINDS = ['vigilance', 'training', 'reminder', 'vague-check', 'no-owner', 'no-due'] as const;
export type LowLeverageKind = (typeof LOW_LEVERAGE_KINDS)[number];

export interface ActionWarning {
  kind: LowLeverageKind;
  /** The words that triggered it ('' for missing owner/due). */
  match: string;
  message: string;
  suggestion: string;
}

const PATTERNS: { kind: LowLeverageKind; re: RegExp; message: string; suggestion: string }[] = [
  {
    kind: 'vigilance',
    re: /\b(?:be\s+(?:more\s+)?(?:careful|vigilant|cautious|mindful|attentive)|pay\s+(?:more\s+|closer\s+)?attention|try\s+harder|take\s+more\s+care|don'?t\s+do\s+(?:it|this|that)\s+again|think\s+before)\b/i,
    message: 'Asking people to be more careful does not change what made the mistake easy.',
    suggestion: 'Change the system: a guard rail, a safer default, automation or a confirmation step.',
  },
  {
    kind: 'training',
    re: /\b(?:more\s+training|(?:re-?)?train(?:ing)?\s+(?:for\s+)?(?:the\s+)?(?:people|engineers|team|staff|everyone|developers|on-?call)|training\s+session|educate\s+(?:the\s+)?(?:team|people|engineers))\b/i,
    message: 'Training alone is weak: the next person will meet the same trap.',
    suggestion: 'Remove the trap (tooling, defaults, runbook automation); train on what remains.',
  },
  {
    kind: 'reminder',
    re: /\b(?:remind\s+(?:people|everyone|the\s+team|engineers|staff|all)|send\s+(?:a\s+)?reminder|raise\s+awareness|awareness\s+(?:campaign|session)|communicate\s+better|follow\s+the\s+process|make\s+sure\s+(?:people|everyone|engineers)|ensure\s+(?:people|everyone|engineers))\b/i,
    message: 'Reminders fade; the same conditions will produce the same outcome.',
    suggestion: 'Build the reminder into the system: a check in the pipeline, an alert, a checklist step in the tool.',
  },
  {
    kind: 'vague-check',
    re: /\b(?:add\s+(?:a\s+|an?\s+|some\s+|more\s+)?(?:checks?|validation|monitoring|alerts?|tests?)|double[-\s]check|look\s+into|investigate|improve\s+(?:monitoring|process|processes|documentation))\b/i,
    message: 'Too vague to finish: what exactly is checked, where, and by whom?',
    suggestion: 'Name the check and where it runs, e.g. "CI fails a migration without a lock timeout".',
  },
];

/**
 * Warnings for one action item. "Add a check" and friends are flagged only
 * when the item also has no owner: with an owner they are often fine.
 */
export function checkAction(action: { title: string; owner?: string | null; due?: string | null }): ActionWarning[] {
  const out: ActionWarning[] = [];
  const hasOwner = typeof action.owner === 'string' && action.owner.trim().length > 0;
  for (const p of PATTERNS) {
    const m = p.re.exec(action.title);
    if (!m) continue;
    if (p.kind === 'vague-check' && hasOwner) continue;
    out.push({ kind: p.kind, match: m[0], message: p.message, suggestion: p.suggestion });
  }
  if (!hasOwner) {
    out.push({
      kind: 'no-owner',
      match: '',
      message: 'No owner: nobody will follow up.',
      suggestion: 'Give it one owner.',
    });
  }
  if (!action.due) {
    out.push({ kind: 'no-due', match: '', message: 'No deadline.', suggestion: 'Give it a due date.' });
  }
  return out;
}

/** True when an item has a warning about its content (not just a missing owner or date). */
export function isLowLeverage(action: { title: string; owner?: string | null; due?: string | null }): boolean {
  return checkAction(action).some((w) => w.kind !== 'no-owner' && w.kind !== 'no-due');
}
