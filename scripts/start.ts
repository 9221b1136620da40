// `npm start`: build the site from the committed contract, then serve dist/.
// HOST and PORT override the address (default http://127.0.0.1:4321).
import { spawnSync } from 'node:child_process';

const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '4321';

function run(args: string[]): void {
  const result = spawnSync('npx', ['astro', ...args], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`start: 'astro ${args.join(' ')}' failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

run(['build']);
console.log(`Serving dist/ on http://${host}:${port}/`);
run(['preview', '--host', host, '--port', port]);
