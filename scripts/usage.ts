// `--help` (or `-h`) for the project's commands: prints the command's usage on stdout and exits 0
// before the command does anything (a build, a benchmark, a network fetch).

/** Exits with `usage` printed when `argv` asks for help; returns otherwise. */
export function helpRequested(argv: readonly string[], usage: string): void {
  if (!argv.includes('--help') && !argv.includes('-h')) return;
  process.stdout.write(`${usage.trim()}\n`);
  process.exit(0);
}
