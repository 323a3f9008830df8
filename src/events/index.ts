/** PLOVER/CAMEO events: who did what to whom, per sentence, and as the briefing shows them. */
export { codeSentence, codeEvents } from './coder.js';
export { briefingEvents, cameoLabel, eventRows, SHOWN_EVENT_CONFIDENCE, splitEventRows, type EventRow, type EventRowSide } from './wire.js';
