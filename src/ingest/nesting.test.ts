import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml, paragraphsOf } from './html.js';
import { flattenDeepNesting } from './nesting.js';
import { parseHtmlPage } from './formats.js';
import { DOMParser } from 'linkedom';

const STORY = 'The ferry company said on Tuesday that the crossing would reopen next week after repairs to the pier were finished.';

function depthOf(html: string): number {
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  let max = 0;
  const stack: [{ children: ArrayLike<unknown> }, number][] = [[doc.body as unknown as { children: ArrayLike<unknown> }, 0]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    max = Math.max(max, d);
    for (let i = 0; i < el.children.length; i++) stack.push([el.children[i] as { children: ArrayLike<unknown> }, d + 1]);
  }
  return max;
}

test('flattenDeepNesting: ordinary markup is returned unchanged', () => {
  const page = '<div class="a"><p>One <b>two</b></p><p>three<p>four<ul><li>x<li>y</ul><br/><img src=x><script>if (a<b) "<div>"</script></div>';
  assert.equal(flattenDeepNesting(page, 4), page);
  // <p> and <li> close their open siblings, so a page of unclosed paragraphs is not deep
  const oldStyle = `<div>${'para<p>'.repeat(1000)}</div>`;
  assert.equal(flattenDeepNesting(oldStyle, 8), oldStyle);
});

test('flattenDeepNesting: past the limit, tags go and text stays', () => {
  const deep = `${'<div>'.repeat(50)}${STORY}${'</div>'.repeat(50)}`;
  const flat = flattenDeepNesting(deep, 10);
  assert.equal(depthOf(flat), 10);
  assert.ok(flat.includes(STORY));
  const unclosed = `${'<span><div>'.repeat(40)}${STORY}`;
  assert.equal(depthOf(flattenDeepNesting(unclosed, 10)), 10);
  assert.ok(flattenDeepNesting(unclosed, 10).includes(STORY));
  // a stray end tag and an attribute that never closes its quote do not confuse the count
  const broken = `</em><div title="unclosed>${'<div>'.repeat(30)}${STORY}`;
  assert.ok(depthOf(flattenDeepNesting(broken, 10)) <= 11);
});

test('HTML nested 100,000 levels deep, closed or not, is read (its text kept) with no stack overflow', () => {
  for (const close of [true, false]) {
    const html = `<html><body>${'<div>'.repeat(100_000)}<p>${STORY}</p>${close ? '</div>'.repeat(100_000) : ''}</body></html>`;
    const [outcome] = parseHtmlPage(html);
    assert.ok(outcome.ok, JSON.stringify(outcome));
    if (outcome.ok) assert.ok(outcome.raw.includes(STORY));
  }
});

test('paragraphsOf walks a deep tree without recursion (a tree deeper than the call stack allows)', () => {
  type N = { nodeType: number; childNodes: N[]; localName?: string; data?: string };
  const root: N = { nodeType: 1, localName: 'div', childNodes: [] };
  let at = root;
  for (let i = 0; i < 200_000; i++) {
    const child: N = { nodeType: 1, localName: i % 2 ? 'div' : 'span', childNodes: [] };
    at.childNodes.push(child);
    at = child;
  }
  at.childNodes.push({ nodeType: 3, childNodes: [], data: STORY });
  assert.deepEqual(paragraphsOf(root), [STORY]);
  assert.deepEqual(extractHtml(`<article><p>${STORY}</p><table><tr><td>a</td><td>b</td></tr></table></article>`).paragraphs.slice(0, 1), [STORY]);
});
