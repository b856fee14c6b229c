#!/usr/bin/env node
// The `devpath` command. The TypeScript is compiled to dist/ when the package is installed
// (npm's prepare step), so this starts as plain Node with no loader.
import { runCli } from '../dist/adapters/terminal/cli.js';

// `devpath ... | head -1`: when the reader goes away, stop quietly instead of a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error('devpath: unexpected error:', error);
    process.exitCode = 1;
  },
);
