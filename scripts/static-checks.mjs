#!/usr/bin/env node
// The type check, the lint and the format check, run at once: each is one process on one core, and side by side they
// take about as long as the lint alone instead of the three in a row. Each one's output is printed whole when it ends
// (never interleaved); the exit code is the first non-zero one, so any failure fails `npm test`.
import { spawn } from 'node:child_process';
import process from 'node:process';

const checks = ['typecheck', 'lint', 'format:check'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ script, code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code) => resolve({ script, code: code ?? 1, output }));
  });
}

let exitCode = 0;
await Promise.all(
  checks.map(async (script) => {
    const result = await run(script);
    process.stdout.write(`> ${script}: ${result.code === 0 ? 'ok' : `failed (exit ${result.code})`}\n${result.output}`);
    if (result.code !== 0 && exitCode === 0) exitCode = result.code;
  }),
);
process.exitCode = exitCode;
