/**
 * The commands the README names answer `--help` with their usage, run the way the README writes
 * them (`npm run sync -- --help`), and their usage lists every flag the README passes them. A
 * command the README starts naming must either get a usage or be listed here as one whose
 * `--help` belongs to the tool it runs.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const README = readFileSync('README.md', 'utf8');

/** Commands with a usage of their own, as the README spells them. */
const WITH_USAGE = [
  'npm start',
  'npm run sync',
  'npm run bench',
  'npm run test:snippets',
  'npm run test:corpus',
  'npm run corpus:fetch',
];
/** Commands whose `--help` is the tool's they run (Astro's, vitest's), or that only chain the others. */
const TOOL_HELP = ['npm run dev', 'npm run build', 'npm test', 'npm run test:a11y'];

/** Every `npm start`, `npm test` and `npm run <script>` of the README. */
function commandsOfReadme(): Set<string> {
  return new Set([...README.matchAll(/\bnpm (start|test|run [\w:-]+)/g)].map((match) => `npm ${match[1]}`));
}

/** The flags the README passes to `command` after its `--`, in code on one line. */
function flagsOfReadme(command: string): Set<string> {
  const flags = new Set<string>();
  const escaped = command.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const match of README.matchAll(new RegExp(`${escaped} -- ([^\`#\\n]*)`, 'g'))) {
    for (const flag of (match[1] ?? '').matchAll(/(?:^|\s)(--[a-z][a-z-]*)/g)) flags.add(flag[1] ?? '');
  }
  return flags;
}

const usages = new Map<string, { code: number; stdout: string; stderr: string }>();

beforeAll(async () => {
  await Promise.all(
    WITH_USAGE.map(async (command) => {
      const [npm, ...args] = [...command.split(' '), '--', '--help'];
      try {
        const { stdout, stderr } = await run(npm ?? 'npm', ['--silent', ...args], { timeout: 60_000 });
        usages.set(command, { code: 0, stdout, stderr });
      } catch (error) {
        const failed = error as { code?: number; stdout?: string; stderr?: string };
        usages.set(command, {
          code: failed.code ?? 1,
          stdout: failed.stdout ?? '',
          stderr: failed.stderr ?? '',
        });
      }
    }),
  );
}, 120_000);

describe("the README's commands", () => {
  it('are each known here, with a usage or as a tool whose help is its own', () => {
    const known = new Set([...WITH_USAGE, ...TOOL_HELP]);
    expect([...commandsOfReadme()].filter((command) => !known.has(command))).toEqual([]);
    // And the list is not stale: every command with a usage is one the README names.
    expect(WITH_USAGE.filter((command) => !commandsOfReadme().has(command))).toEqual([]);
  });

  it.each(WITH_USAGE)('%s -- --help exits 0 and prints its usage', (command) => {
    const usage = usages.get(command);
    expect(usage?.stderr).toBe('');
    expect(usage?.code).toBe(0);
    expect(usage?.stdout).toMatch(new RegExp(`^Usage: ${command.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
  });

  it.each(WITH_USAGE)('%s lists every flag the README passes it', (command) => {
    const stdout = usages.get(command)?.stdout ?? '';
    const missing = [...flagsOfReadme(command)].filter((flag) => !stdout.includes(flag));
    expect(missing).toEqual([]);
  });
});
