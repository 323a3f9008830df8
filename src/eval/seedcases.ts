/**
 * The shapes the seeds evaluation (src/eval/seeds.ts) and the stage scorers it calls share: gold entries, one
 * case per sample article, a section's result. Kept apart from src/eval/seeds.ts so a scorer beside its stage
 * imports these without importing the evaluation that imports it (no cycle).
 */
import type { Actor, BriefingArticle, Stance, StanceMatrix, Story, Summary } from '../model.js';

/** One gold article entry of gold.json. */
export interface GoldArticle {
  outlet?: string | null;
  published?: [string, string] | null;
  dateline?: string | null;
  title?: string | null;
  author?: string | null;
  story?: string;
  boilerplate?: string[];
}

/** The parts of gold.json this module reads; later sections read more of it through `SeedCase.gold`. */
export interface SeedsGold {
  about?: string;
  articles: Record<string, GoldArticle>;
  quotes?: { article: string; text: string }[];
  dates?: { article: string; text: string }[];
  framing?: Record<string, unknown>;
  [section: string]: unknown;
}

/** One sample article: its file name, raw file text, gold entry and what parallax made of it (null = failed). */
export interface SeedCase {
  file: string;
  raw: string;
  gold: GoldArticle;
  article: BriefingArticle | null;
  /** the actors of the whole briefing (the same list in every case) */
  actors?: Actor[];
  /** the briefing's cited summary (the same in every case) */
  summary?: Summary;
  /** the briefing's stances and stance matrix (the same in every case) */
  stances?: Stance[];
  matrix?: StanceMatrix;
  /** the briefing's stories (the same in every case) */
  stories?: Story[];
  /** the article analysed alone with the start of its gold publication range assumed (for the dates section) */
  anchored?: BriefingArticle | null;
}

/** A section's score and the lines of its table (misses first). */
export interface SectionResult {
  found: number;
  total: number;
  /** why each miss missed, for the readable table */
  misses: string[];
}

/** A scored section of the seeds evaluation. */
export interface Section {
  name: string;
  score(cases: SeedCase[], gold: SeedsGold): SectionResult;
}

/**
 * The gold matching form: curly quotes and apostrophes straightened, white space collapsed, trimmed.
 *
 * @example
 * ```ts
 * normaliseGold('Iran’s  “top”\nofficial'); // `Iran's "top" official`
 * ```
 */
export function normaliseGold(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/\s+/gu, ' ')
    .trim();
}
