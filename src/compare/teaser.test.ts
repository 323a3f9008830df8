import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTeaser } from './units.js';

const LONG_ES = `${'El pleno del ayuntamiento aprobó el martes el nuevo plan de transporte urbano para la ciudad. '.repeat(12)}Según la alcaldesa, las obras empezarán en otoño y terminarán el año que viene; para más información, read more`;

test('isTeaser: a text in another language is judged by its length and an ellipsis, not by English phrases', () => {
  assert.equal(isTeaser(LONG_ES, false), false, 'an English "read more" phrase does not make a Spanish text a teaser');
  assert.equal(isTeaser(LONG_ES, true), true, 'in an English text it does');
  assert.equal(isTeaser(`${LONG_ES.slice(0, 600)}…`, false), true, 'an ellipsis cuts off a text in any language');
  assert.equal(isTeaser('El ayuntamiento aprobó el plan.', false), true, 'so does being short');
});
