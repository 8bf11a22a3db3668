// Debian's chromium for the browser tests, started as this machine needs it
// (no network of its own), and the viewer served on a free port.
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { type Browser, chromium } from 'playwright-core';
import { binary } from './cli.js';

export const chromiumPath = '/usr/bin/chromium';
export const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Headless chromium without sandbox, GPU or background connections (refused on this closed network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

export interface Served {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the server printed so far. */
  readonly output: () => string;
}

/** `parley view --port 0 ...args`, resolved with its address once it prints it; rejected if it exits first. */
export function serveViewer(args: readonly string[]): Promise<Served> {
  const child = spawn('node', [binary, 'view', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)?.[0];
      if (url) resolve({ url, child, output: () => output });
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`parley view exited (${code}): ${output}`)));
  });
}

/** Stops the server with Ctrl-C's signal; resolves with its exit code. */
export function stopViewer(served: Served): Promise<number | null> {
  return new Promise((resolve) => {
    served.child.removeAllListeners('exit');
    served.child.on('exit', (code) => resolve(code));
    served.child.kill('SIGINT');
  });
}
