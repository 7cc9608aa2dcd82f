#!/usr/bin/env node
// The compiled CLI lives in lib/ (built by `npm ci` through the prepare script).
import { main } from '../lib/cli/main.js';

// `bulletin list | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
process.exitCode = await main(process.argv);
