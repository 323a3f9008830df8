/** PLOVER/CAMEO events: who did what to whom, per sentence, and as the briefing shows them. */
export { codeSentence, codeEvents } from './coder.js';
export { briefingEvents, eventRows } from './wire.js';
