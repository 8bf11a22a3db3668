// A consumer's TypeScript finds parley's types through package.json
// ("types", and "types" in each export), for the library and parley/testing.
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.js';

const run = promisify(execFile);

it('type-checks a consumer that imports parley and parley/testing (needs npm run build)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parley-consumer-'));
  try {
    await mkdir(join(dir, 'node_modules'));
    await symlink(repoRoot, join(dir, 'node_modules', 'parley'), 'dir');
    await writeFile(
      join(dir, 'consumer.ts'),
      `import { fork, loadLog, ProblemError, type Problem, type ProblemCode } from 'parley';
import { sampleCatalog } from 'parley/testing';
const code: ProblemCode = 'unknown-term';
const problem: Problem = { file: 'f', code, message: 'm' };
export async function demo(): Promise<number> {
  const loaded = await loadLog();
  if (!loaded.ok) throw new ProblemError(loaded.problems);
  const f = fork(loaded.value.log, { add: [{ type: 'concession.offered', occurred: '2024-08-22', party: 'israel', term: 'philadelphi', adds: ['phased-withdrawal'], hypothetical: true }] });
  return (f.ok ? f.value.entries.length : f.problems.length) + sampleCatalog.terms.length + problem.message.length;
}
// @ts-expect-error: a code that does not exist is a type error
export const wrong: ProblemCode = 'no-such-code';
`,
    );
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['consumer.ts'] }));
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', dir]).catch((e: { stdout: string; code: number }) => e);
    expect(result.stdout).toBe('');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);
