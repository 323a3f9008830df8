/**
 * Actors: the tagger's mentions refined and linked into one `Actor` per person, organisation and place,
 * within and across articles. See link.ts for the linking rules and repair.ts for the mention refiners.
 */
export { linkActors, sameGivenName, initialsOf, byMentions, meanConfidence } from './link.js';
export { refineMentions, type Candidate } from './repair.js';
export { rolesLexicon, countryTable } from './lexicon.js';
export { mentionsByArticle, type ActorMention } from './mentions.js';
export { genderOf, pronounGender, roleGender, type Gender } from './gender.js';
