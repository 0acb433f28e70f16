// The facilitator's keyboard: Alt+. moves the meeting to the next phase, Alt+, back to the previous one.
import { useEffect } from 'react';
import { setMeetingPhase, type MeetingPhase } from '@hindsight/doc';
import type { OpContext } from '@hindsight/doc';
import type * as Y from 'yjs';
import { stepPhase } from './meetingFormat.ts';

/** The phase step a key press asks for (by physical key, so layouts and Alt-characters do not matter). */
export function phaseStepFor(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'code'>): number {
  if (!event.altKey || event.ctrlKey || event.metaKey) return 0;
  return event.code === 'Period' ? 1 : event.code === 'Comma' ? -1 : 0;
}

export function usePhaseKeys(doc: Y.Doc, ctx: OpContext, phase: MeetingPhase | null, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent): void => {
      const step = phaseStepFor(event);
      if (!step) return;
      const next = stepPhase(phase, step);
      event.preventDefault();
      if (next) setMeetingPhase(doc, next, ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doc, ctx, phase, enabled]);
}
