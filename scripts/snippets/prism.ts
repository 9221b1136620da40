/**
 * Prism: start a mock of the contract on a free loopback port, with request violations as errors,
 * and stop it by its own PID.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface MockServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Asks the kernel for a free loopback port. Prism binds it a moment later. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopChild(child: ChildProcess): Promise<void> {
  const exited = waitForExit(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Starts `prism mock --errors <contract>` and resolves once it listens. */
export async function startPrism(options: {
  root: string;
  contractPath: string;
  timeoutMs?: number;
}): Promise<MockServer> {
  const port = await freePort();
  const cli = join(options.root, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');
  const args = [cli, 'mock', '--host', '127.0.0.1', '--port', String(port), '--errors', options.contractPath];
  const child = spawn(process.execPath, args, { cwd: options.root, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`prism: could not be started (${cli})`);
  // Prism logs every request; the tail explains a failed start.
  const tail: string[] = [];
  const remember = (chunk: Buffer) => {
    tail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 40));
  };
  child.stderr.on('data', remember);
  const url = `http://127.0.0.1:${port}`;
  // Generous: on a loaded CI machine Prism's start has been seen to take over a minute.
  const timeoutMs = options.timeoutMs ?? 180_000;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`prism: did not listen on ${url} within ${timeoutMs / 1000}s`)),
        timeoutMs,
      );
      child.stdout.on('data', (chunk: Buffer) => {
        remember(chunk);
        if (tail.some((line) => line.includes('Prism is listening on'))) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`prism: exited (${code ?? signal}) before listening on ${url}`));
      });
    });
  } catch (error) {
    await stopChild(child);
    throw new Error(`${(error as Error).message}; last output:\n${tail.join('\n')}`);
  }
  return { url, pid, stop: () => stopChild(child) };
}
