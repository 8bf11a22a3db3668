// Runs the built binary (npm test builds it first), as a user would.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const binary = resolve(repoRoot, 'dist', 'cli', 'main.js');
export const fixture = (name: string) => resolve(repoRoot, 'test', 'fixtures', name);

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], options: { cwd?: string } = {}): Promise<CliResult> {
  return new Promise((done) => {
    execFile(process.execPath, [binary, ...args], { cwd: options.cwd ?? repoRoot, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}
