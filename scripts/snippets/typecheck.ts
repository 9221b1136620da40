/**
 * Typecheck: one `tsc` program over every TypeScript program of the run, against the types
 * generated from the contract, with each error mapped back to its page and line.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { locateLine, type Segment } from './plan.ts';
import type { CodeBlock } from './types.ts';

export interface TypeDiagnostic {
  block: CodeBlock;
  /** `docs/quickstart.mdx:42:7 TS2353 Object literal may only specify known properties…` */
  message: string;
}

export interface TypecheckResult {
  errors: TypeDiagnostic[];
  /** Errors not inside any block (configuration, generated types): they fail every TypeScript block. */
  general: string[];
}

/**
 * Compiler options of the snippets: strict, Node's globals only (no DOM: the snippets run on
 * Node), modules resolved like a bundler (`./ocpplab` without an extension, as the docs write it),
 * and only syntax Node's type stripping can erase.
 */
export const snippetCompilerOptions = {
  strict: true,
  target: 'es2022',
  module: 'esnext',
  moduleResolution: 'bundler',
  lib: ['es2023'],
  types: ['node'],
  noEmit: true,
  skipLibCheck: true,
  verbatimModuleSyntax: true,
  erasableSyntaxOnly: true,
  isolatedModules: true,
} as const;

export interface CheckedFile {
  /** Path relative to the workspace, as tsc prints it: `p3/check.ts`. */
  file: string;
  segments: Segment[];
}

const diagnosticLine = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;

/** Parses `tsc --pretty false` output; continuation lines (indented) belong to the error above. */
export function mapDiagnostics(output: string, files: readonly CheckedFile[]): TypecheckResult {
  const byFile = new Map(files.map((file) => [file.file, file.segments]));
  const errors: TypeDiagnostic[] = [];
  const general: string[] = [];
  let last: { list: 'errors' | 'general'; index: number } | undefined;
  for (const line of output.split('\n')) {
    if (line.trim() === '') continue;
    if (/^\s/.test(line) && last) {
      if (last.list === 'errors') {
        const error = errors[last.index];
        if (error) error.message += `\n  ${line.trim()}`;
      } else {
        general[last.index] += `\n  ${line.trim()}`;
      }
      continue;
    }
    const match = diagnosticLine.exec(line);
    const segments = match?.[1] === undefined ? undefined : byFile.get(match[1].replaceAll('\\', '/'));
    const place = match && segments ? locateLine(segments, Number(match[2])) : undefined;
    if (match && place) {
      const [, , , column, code, text] = match;
      errors.push({
        block: place.block,
        message: `${place.block.page}:${place.line}:${column} ${code} ${text}`,
      });
      last = { list: 'errors', index: errors.length - 1 };
    } else {
      general.push(line);
      last = { list: 'general', index: general.length - 1 };
    }
  }
  return { errors, general };
}

/** Writes the tsconfig, runs tsc once in the workspace and maps what it reports. */
export async function typecheck(options: {
  root: string;
  workspaceDir: string;
  files: readonly CheckedFile[];
}): Promise<TypecheckResult> {
  if (options.files.length === 0) return { errors: [], general: [] };
  const config = { compilerOptions: snippetCompilerOptions, files: options.files.map((file) => file.file) };
  await writeFile(join(options.workspaceDir, 'tsconfig.json'), `${JSON.stringify(config, null, 2)}\n`);
  const tsc = join(options.root, 'node_modules', 'typescript', 'lib', 'tsc.js');
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.json', '--pretty', 'false'], {
      cwd: options.workspaceDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    child.once('error', (error) =>
      resolve({ code: null, output: `tsc could not be started: ${error.message}` }),
    );
    child.once('close', (exitCode) => resolve({ code: exitCode, output: text }));
  });
  const result = mapDiagnostics(output, options.files);
  if (code !== 0 && result.errors.length === 0 && result.general.length === 0) {
    result.general.push(`tsc exited with code ${code ?? 'null'} without diagnostics`);
  }
  return result;
}
