import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeFragments, parseAnn } from './brat.js';

test('mergeFragments joins pieces split at line breaks and keeps real gaps', () => {
  const cases: [string, [number, number][], [number, number][]][] = [
    ['ab\ncd', [[0, 2], [3, 5]], [[0, 5]]],
    ['ab, he said, cd', [[0, 2], [13, 15]], [[0, 2], [13, 15]]],
    ['abcd', [[2, 4], [0, 2]], [[0, 4]]],
  ];
  for (const [text, input, want] of cases) {
    const got = mergeFragments(text, input.map(([start, end]) => ({ start, end })));
    assert.deepEqual(got.map((f) => [f.start, f.end]), want, text);
  }
});

test('parseAnn reads attributions with and without a source, and skips note lines', () => {
  const text = 'Smith said it rained. It was reported.';
  const ann = [
    'T1\tSource 0 5\tSmith',
    'T2\tCue 6 10\tsaid',
    'T3\tContent 11 20\tit rained',
    'T4\tAttribution 6 10\tsaid',
    'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
    'T5\tContent 22 24\tIt',
    'T6\tCue 25 37\twas reported',
    'T7\tAttribution-no-source 25 37\twas reported',
    'E2\tAttribution-no-source:T7 Cue:T6 Content:T5',
    '#1\tAnnotatorNotes T1\ta note',
    'That line is a continuation of a note, not an annotation',
  ].join('\n');
  const got = parseAnn(ann, text, 'x.ann');
  assert.equal(got.length, 2);
  assert.deepEqual(got[0].source, [{ start: 0, end: 5 }]);
  assert.deepEqual(got[0].cue, [{ start: 6, end: 10 }]);
  assert.equal(got[1].source, null);
});

test('parseAnn names the file and line of a span outside the text', () => {
  assert.throws(() => parseAnn('T1\tCue 0 99\tx', 'short', 'bad.ann'), /bad\.ann:1: span 0-99 outside the text/);
});
