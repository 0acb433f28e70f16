// The in-app guide's words: the facilitator's guide phase by phase (what to do,
// what to ask, what to avoid), and the participant primer on the review's rules.
import type { MeetingPhase } from '@hindsight/doc';

export interface PhaseGuide {
  title: string;
  do: string[];
  ask: string[];
  avoid: string[];
}

export const PHASE_GUIDE: Record<MeetingPhase, PhaseGuide> = {
  overview: {
    title: 'Overview',
    do: [
      'Read the meeting rules aloud and pin one as a reminder.',
      'Say what the review is for: learning how the system made this possible, not finding who.',
      'Give the incident in two sentences: what users saw, and for how long.',
    ],
    ask: ['Is anyone missing whose view we need?', 'What would make this hour worth it for you?'],
    avoid: ['Starting with the cause: nobody knows it yet.', 'Letting a manager open the meeting with a verdict.'],
  },
  timeline: {
    title: 'Timeline',
    do: [
      'Walk the timeline minute by minute; spotlight each entry you discuss.',
      'Annotate delays, missing information and failed automation as you go.',
      'Freeze the timeline once the group agrees on what happened.',
    ],
    ask: [
      'What did you know at that moment, and what did you not know yet?',
      'What were you looking at? What did the tools show you?',
      'What else was going on for you then?',
    ],
    avoid: [
      'Hindsight: "it was obvious that…". It was not, at the time.',
      'Skipping the quiet minutes: the gaps are often where the learning is.',
    ],
  },
  whys: {
    title: 'Whys',
    do: [
      'Grow the tree in several branches: an incident has more than one cause.',
      'Tie each why to evidence on the timeline.',
      'Keep a why a hypothesis until the group supports it.',
    ],
    ask: ['Why did that make sense at the time?', 'What allowed this to happen?', 'What else contributed?'],
    avoid: ['Stopping at a person ("because Dana…"): ask what made it likely for anyone.', 'One long chain.'],
  },
  factors: {
    title: 'Factors',
    do: [
      'Mark the whys that contributed as factors, with a category: process, technology, people.',
      'Check the human-factors questions: fatigue, ownership, pressure, communication.',
    ],
    ask: ['Would another person in the same seat have done the same?', 'Where did we get lucky?'],
    avoid: ['Filing every human factor under "people": most are about process and tools.'],
  },
  actions: {
    title: 'Actions',
    do: [
      'Agree three to five actions, each with one owner and a deadline.',
      'Link each action to the factor it addresses.',
      'Before closing, ask everyone to answer the short survey in the Report tab.',
    ],
    ask: ['Which action would have changed this incident the most?', 'Who owns it, and by when?'],
    avoid: ['"Be more careful" and "add training" as the only fixes: change the system.', 'More than five open items.'],
  },
};

/** The participant primer: the rules every review runs by. */
export const PRIMER: { title: string; text: string }[] = [
  {
    title: 'We look for how, not who',
    text: 'People did what made sense to them with what they knew then. We ask what made an action reasonable, and what in the system allowed the outcome.',
  },
  {
    title: 'Your perspective is the data',
    text: 'Add what you saw, did and thought to the timeline in the first 24 hours, in your own words. Uncertain times are fine: mark them approximate.',
  },
  {
    title: 'Say what you did not know',
    text: 'Missing information, confusing dashboards and alerts that did not fire are findings, not confessions.',
  },
  {
    title: 'Language that blames is flagged',
    text: 'Words like "human error" or "should have" are underlined with a system-focused rewrite. Use it, or dismiss it with a reason.',
  },
  {
    title: 'Names do not leave the room',
    text: 'The published report is anonymised. Your survey answer is anonymous too: the facilitator sees answers only together, from three on.',
  },
];
