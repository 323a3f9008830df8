/** The trained news tagger: mentions of people, organisations, places and demonyms. */
export { findMentions, isEnglish } from './mentions.js';
export { releaseTagger, tagTokens } from './tagger.js';
