// Starts a worker thread from the TypeScript sources (tests, or the CLI run through tsx): tsx compiles on load.
// The compiled CLI starts dist/run-worker.mjs instead (parallel.ts chooses).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
