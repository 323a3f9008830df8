/**
 * The search query language every store accepts (FTS5's: words, `"phrases"`, `OR`, `AND`, `NOT`, `prefix*`,
 * parentheses), parsed once here so every store reads a query the same way: SQLite gets it back as a safe
 * FTS5 expression (each word quoted, so "al-Assad" or "U.S." is a phrase, never a syntax error), the memory
 * store evaluates it over its own tokens. Tokens are what FTS5's unicode61 tokenizer makes: letters and
 * digits, lower-cased, diacritics removed.
 */

export type SearchNode =
  | { kind: 'phrase'; words: string[]; prefix: boolean }
  | { kind: 'and' | 'or'; items: SearchNode[] }
  | { kind: 'not'; include: SearchNode; exclude: SearchNode };

/** The words of a text as the index sees them (unicode61 with diacritics removed), with their offsets. */
export function searchWords(text: string): { w: string; start: number; end: number }[] {
  const out: { w: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const w = m[0].normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
    if (w) out.push({ w, start: m.index as number, end: (m.index as number) + m[0].length });
  }
  return out;
}

/** The words of a text as the index sees them. */
export function searchTokens(text: string): string[] {
  return searchWords(text).map((t) => t.w);
}

type Lexeme = { t: 'word' | 'phrase'; v: string; prefix: boolean } | { t: 'op'; v: 'AND' | 'OR' | 'NOT' | '(' | ')' };

function bad(query: string, why: string): Error {
  return new Error(`bad search query "${query}": ${why}`);
}

function lex(query: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      out.push({ t: 'op', v: c });
      i++;
    } else if (c === '"') {
      const end = query.indexOf('"', i + 1);
      if (end < 0) throw bad(query, 'a quotation mark is not closed');
      const prefix = query[end + 1] === '*';
      out.push({ t: 'phrase', v: query.slice(i + 1, end), prefix });
      i = end + 1 + (prefix ? 1 : 0);
    } else {
      let j = i;
      while (j < query.length && !/[\s()"]/.test(query[j])) j++;
      const word = query.slice(i, j);
      i = j;
      if (word === 'AND' || word === 'OR' || word === 'NOT') out.push({ t: 'op', v: word });
      else out.push({ t: 'word', v: word.replace(/\*$/, ''), prefix: word.endsWith('*') });
    }
  }
  return out;
}

/**
 * Parse a query. Adjacent terms must all match; NOT binds tightest, then AND, then OR (as in FTS5).
 * Throws an Error starting `bad search query` for unbalanced quotes or parentheses, a dangling operator, or
 * a query with no word.
 */
export function parseSearch(query: string): SearchNode {
  const lexemes = lex(query);
  let pos = 0;
  const peek = () => lexemes[pos];
  const isOp = (v: string) => {
    const l = peek();
    return l !== undefined && l.t === 'op' && l.v === v;
  };
  const primary = (): SearchNode => {
    const l = lexemes[pos++];
    if (!l) throw bad(query, 'it ends where a word was expected');
    if (l.t === 'op') {
      if (l.v !== '(') throw bad(query, `"${l.v}" where a word was expected`);
      const inner = or();
      if (!isOp(')')) throw bad(query, 'a parenthesis is not closed');
      pos++;
      return inner;
    }
    const words = searchTokens(l.v);
    if (!words.length) throw bad(query, `"${l.v}" has no letters or digits`);
    return { kind: 'phrase', words, prefix: l.prefix };
  };
  const not = (): SearchNode => {
    let node = primary();
    while (isOp('NOT')) {
      pos++;
      node = { kind: 'not', include: node, exclude: primary() };
    }
    return node;
  };
  const and = (): SearchNode => {
    const items = [not()];
    for (;;) {
      if (isOp('AND')) pos++;
      else if (!peek() || (peek().t === 'op' && peek().v !== '(')) break;
      items.push(not());
    }
    return items.length === 1 ? items[0] : { kind: 'and', items };
  };
  const or = (): SearchNode => {
    const items = [and()];
    while (isOp('OR')) {
      pos++;
      items.push(and());
    }
    return items.length === 1 ? items[0] : { kind: 'or', items };
  };
  if (!lexemes.length) throw bad(query, 'it has no word');
  const node = or();
  if (pos < lexemes.length) throw bad(query, `unexpected "${(lexemes[pos] as { v: string }).v}"`);
  return node;
}

/** The query as an FTS5 MATCH expression: every phrase quoted, the structure kept. */
export function toFts5(node: SearchNode): string {
  switch (node.kind) {
    case 'phrase':
      return `"${node.words.join(' ')}"${node.prefix ? ' *' : ''}`;
    case 'and':
    case 'or':
      return `(${node.items.map(toFts5).join(node.kind === 'and' ? ' AND ' : ' OR ')})`;
    case 'not':
      return `(${toFts5(node.include)} NOT ${toFts5(node.exclude)})`;
  }
}

/** Positions (in `tokens`) where a phrase starts. */
function phraseHits(tokens: readonly string[], words: readonly string[], prefix: boolean): number[] {
  const hits: number[] = [];
  const last = words.length - 1;
  for (let i = 0; i + last < tokens.length; i++) {
    let ok = true;
    for (let k = 0; k <= last && ok; k++) {
      const t = tokens[i + k];
      ok = k === last && prefix ? t.startsWith(words[k]) : t === words[k];
    }
    if (ok) hits.push(i);
  }
  return hits;
}

/**
 * How many phrase occurrences make a document (its columns' tokens) match the query, 0 when it does not
 * match; and the first matching position in each column, for an excerpt.
 */
export function matchDocument(node: SearchNode, columns: readonly (readonly string[])[]): { score: number; first: (number | null)[] } {
  const first: (number | null)[] = columns.map(() => null);
  const evaluate = (n: SearchNode): number => {
    switch (n.kind) {
      case 'phrase': {
        let count = 0;
        columns.forEach((tokens, c) => {
          const hits = phraseHits(tokens, n.words, n.prefix);
          if (hits.length && (first[c] === null || hits[0] < (first[c] as number))) first[c] = hits[0];
          count += hits.length;
        });
        return count;
      }
      case 'and': {
        let sum = 0;
        for (const item of n.items) {
          const s = evaluate(item);
          if (!s) return 0;
          sum += s;
        }
        return sum;
      }
      case 'or':
        return n.items.reduce((sum, item) => sum + evaluate(item), 0);
      case 'not':
        return evaluate(n.exclude) ? 0 : evaluate(n.include);
    }
  };
  return { score: evaluate(node), first };
}
