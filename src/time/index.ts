/** Time expressions normalised to TIMEX3 values, and publication dates inferred from the text. */
export { extractTimes, findTimes } from './extract.js';
export { inferPublished } from './published.js';
