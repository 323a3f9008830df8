import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayPath } from './paths.js';

test('displayPath: absolute and ../ inputs are shown from the input given; relative ones stay as given', () => {
  assert.equal(displayPath('/home/ana/news/a/x.html', ['/home/ana/news']), 'news/a/x.html');
  assert.equal(displayPath('/home/ana/news/a/x.html', ['/home/ana/news/']), 'news/a/x.html');
  assert.equal(displayPath('/home/ana/x.txt', ['/tmp', '/home/ana/x.txt']), 'x.txt');
  assert.equal(displayPath('news/x.txt', ['news']), 'news/x.txt');
  assert.equal(displayPath('../shared/s/x.txt', ['../shared/s']), 's/x.txt');
  assert.equal(displayPath('-', ['-']), '-');
  assert.equal(displayPath('/elsewhere/y.txt', ['news']), 'y.txt', 'a path under no input still loses its folders');
  assert.equal(displayPath('/home/ana/newsroom/x.txt', ['/home/ana/news']), 'x.txt', 'a root is a folder, not a prefix');
});
