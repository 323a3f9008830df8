/** Time expressions normalised to TIMEX3 values, and publication dates inferred from the text. */
export { calendarValue, extractTimes, findTimes } from './extract.js';
export { datedByEvents } from './eventdays.js';
export { inferPublished } from './published.js';
