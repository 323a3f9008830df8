#!/usr/bin/env node
import { main } from './cli.js';

// A reader that stops reading (`parallax ... | head`) closes the pipe: that ends the output, it is not an
// error of parallax, so the process stops quietly instead of dying on an unhandled EPIPE.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
