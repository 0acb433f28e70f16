// One example sentence per blameless-language rule with its system-focused
// rewrite, for the in-app language guide. The test beside it checks that the
// checker flags each example with its own rule and leaves each rewrite alone.
import { buildRules, type RuleId } from './rules.ts';

export const RULE_EXAMPLES: Record<Exclude<RuleId, 'custom'>, { example: string; rewrite: string }> = {
  'human-error': {
    example: 'The outage was caused by human error during the deploy.',
    rewrite: 'The deploy tool let a change reach the production cluster without a second check.',
  },
  'should-have': {
    example: 'The on-call engineer should have checked the replica lag.',
    rewrite: 'The runbook did not mention the replica lag check, and no dashboard showed it.',
  },
  'failed-to': {
    example: 'Dana failed to run the migration dry-run.',
    rewrite: 'Nothing in the release checklist prompted a migration dry-run.',
  },
  forgot: {
    example: 'Priya forgot to re-enable the alert after maintenance.',
    rewrite: 'The maintenance checklist had no step to re-enable the alert.',
  },
  judgement: {
    example: 'The responder was careless with the config file.',
    rewrite: 'The config file had no validation, and the responder was handling two pages at once.',
  },
  mistake: {
    example: "It was Sam's mistake to push on a Friday.",
    rewrite: 'The release calendar allowed pushes on Friday afternoons without extra review.',
  },
  fault: {
    example: 'It was his fault that the schema change went out.',
    rewrite: 'The deployment process allowed an unreviewed schema change.',
  },
  blame: {
    example: 'We blame the release manager for the delay.',
    rewrite: 'The alert routing sent the page to a rotation that had been retired.',
  },
  counterfactual: {
    example: 'If only we had rolled back sooner, checkout would have recovered.',
    rewrite: 'Rolling back took 27 minutes because the deploy queue held the rollback behind a scheduled push.',
  },
  'person-failure': {
    example: 'The engineer ignored the warning in the logs.',
    rewrite: 'The warning went to a log nobody watches during a deploy.',
  },
};

/** The checker's own rules for the language guide: why each is flagged, its advice, an example and its rewrite. */
export function languageGuide(): {
  id: RuleId;
  message: string;
  suggestion: string;
  example: string;
  rewrite: string;
}[] {
  return buildRules([], []).flatMap((r) =>
    r.id === 'custom' ? [] : [{ id: r.id, message: r.message, suggestion: r.suggestion, ...RULE_EXAMPLES[r.id] }],
  );
}
