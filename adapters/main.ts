// `npm start`: the entry point. Everything it does is in start.ts, which tests can import.
import { ConfigError } from '../src/config.js';
import { KnowledgeError } from '../src/knowledge/load.js';
import { main, StartError } from './start.js';

main().catch((error: unknown) => {
  // Problems a user can fix get their message alone, no stack trace.
  if (error instanceof ConfigError || error instanceof KnowledgeError || error instanceof StartError) {
    console.error(error.message);
  } else {
    console.error('devpath: could not start:', error);
  }
  process.exit(1);
});
