#!/usr/bin/env node
// The `devpath` command. The TypeScript is compiled to dist/ when the package is installed
// (npm's prepare step), so this starts as plain Node with no loader.
import { runCli } from '../dist/adapters/terminal/cli.js';

runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error('devpath: unexpected error:', error);
    process.exitCode = 1;
  },
);
