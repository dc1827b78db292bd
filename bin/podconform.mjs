#!/usr/bin/env node
// The CLI is written in TypeScript; tsx compiles it on load so the bin works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import('../harness/cli/main.ts');
