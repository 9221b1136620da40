import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { snippetCompilerOptions } from '../../scripts/snippets/typecheck.ts';
import { generateTypes } from '../../scripts/sync/types.ts';
import type { CodeSample } from '../../src/model/types.ts';
import { allContracts, type Contract, modelOf } from './fixtures.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
/** Below the project (so `openapi-fetch` and `@types/node` resolve from its node_modules), gitignored. */
const WORK = join(ROOT, '.cache/model-samples');

/** The snippet runner's compiler options: what readers' code meets. */
const TSCONFIG = { compilerOptions: snippetCompilerOptions, include: ['*.ts'] };

interface Written {
  file: string;
  where: string;
}

/** Every sample of one language, each in its own file of a fresh directory. */
function writeSamples(
  contract: Contract,
  lang: CodeSample['lang'],
  extension: string,
  except: readonly string[] = [],
): { dir: string; files: Written[] } {
  const dir = join(WORK, lang, contract.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const model = modelOf(contract);
  const files = model.operations.flatMap((summary, index) =>
    except.includes(summary.key)
      ? []
      : model
          .detail(summary)
          .samples.filter((sample) => sample.lang === lang)
          .map((sample) => {
            const file = `op${index}.${extension}`;
            writeFileSync(join(dir, file), `${sample.code}\n`);
            return { file, where: summary.key };
          }),
  );
  return { dir, files };
}

/** `op3.ts(4,5): error …` → `get /pets: (4,5): error …`, so failures name the operation. */
function named(output: string, files: Written[]): string {
  const byFile = new Map(files.map((written) => [written.file, written.where]));
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.replace(/^(op\d+\.\w+)/, (file) => `${byFile.get(file) ?? file}: ${file}`))
    .join('\n');
}

async function failureText(command: string, args: string[], cwd: string): Promise<string> {
  try {
    await run(command, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return '';
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return `${stdout ?? ''}${stderr ?? ''}`.trim() || String(error);
  }
}

const contracts = allContracts().filter((contract) => modelOf(contract).operations.length > 0);

const READ_ONLY_REQUIRED =
  'openapi-typescript (without readWriteMarkers) requires a readOnly member in request bodies too, where OpenAPI says not to send it';
const UNSATISFIABLE = 'no value satisfies the schema (`allOf` of `string` and `integer`)';

/**
 * Where the generated types, not the samples, are the obstacle. A whole contract
 * (`'*'`) when openapi-typescript refuses it; else operation keys. The reason is the record.
 */
const TYPES_CANNOT_HOLD: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'crafted-colliding-operation-ids-3.0': {
    '*': 'openapi-typescript rejects a contract whose operationIds repeat',
  },
  'readme-discriminators': {
    'patch /discriminator-with-no-mapping':
      'the contract gives `discrim` an enum that disagrees with the implicit mapping (schema names), which the types follow',
    'patch /mapping-with-duplicate-schemas':
      'the same enum, against a mapping of several values to one schema',
  },
  'crafted-openapi-3.2': {
    'query /books':
      'openapi-fetch has no QUERY method, and openapi-typescript 7 types no 3.2 `query` operation',
    'purge /books': 'openapi-fetch has no method for 3.2 `additionalOperations`',
  },
  'crafted-edge-cases-3.1': { 'put /trees/{tree_id}': READ_ONLY_REQUIRED },
  'readme-schema-circular': {
    'put /circular':
      'the generated type is uninhabitable: a property `empty: boolean` beside an index signature of arrays',
  },
  'readme-schema-types': {
    'post /anything/null':
      'a 3.0 contract with `type: null`, which 3.0 does not have; the types say `undefined`',
    'put /anything/quirks/polymorphism': UNSATISFIABLE,
    'post /anything/quirks/polymorphism': UNSATISFIABLE,
    'patch /anything/quirks/polymorphism': UNSATISFIABLE,
  },
  'readme-schema-types-3.1': {
    'post /anything/null':
      'openapi-typescript types a `type: null` property as `undefined`, so `null` is refused',
    'put /anything/quirks/polymorphism': UNSATISFIABLE,
    'post /anything/quirks/polymorphism': UNSATISFIABLE,
    'patch /anything/quirks/polymorphism': UNSATISFIABLE,
  },
};

/**
 * Every contract's TypeScript samples in one tsc program (one process, one load of the
 * standard library and openapi-fetch's types): each contract's samples and generated types in a
 * folder of their own, so `./ocpplab` resolves to that contract's types. Made once, on first use.
 */
let typecheck: Promise<{ output: string; written: Map<string, Written[]> }> | undefined;
function typecheckAll(): Promise<{ output: string; written: Map<string, Written[]> }> {
  typecheck ??= (async () => {
    const written = new Map<string, Written[]>();
    const folders: string[] = [];
    for (const contract of contracts) {
      const excused = TYPES_CANNOT_HOLD[contract.name] ?? {};
      if ('*' in excused) continue;
      const { dir, files } = writeSamples(contract, 'ts', 'ts', Object.keys(excused));
      // defaultNonNullable (on by default) makes a property with a `default` required even in a
      // request body: a request example that leaves `evse_id` (default null) out would not compile,
      // and adding `"evse_id": null` would tell readers to send nulls a partial update may apply.
      // The types as the sync makes them (schema-name mappings qualified, `$ref`s in examples left alone).
      writeFileSync(join(dir, 'ocpplab.d.ts'), await generateTypes(contract.document));
      written.set(contract.name, files);
      folders.push(contract.name);
    }
    const root = join(WORK, 'ts');
    writeFileSync(
      join(root, 'tsconfig.json'),
      JSON.stringify({ ...TSCONFIG, include: folders.map((folder) => `${folder}/*.ts`) }, null, 2),
    );
    const output = await failureText(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', root, '--pretty', 'false'],
      root,
    );
    return { output, written };
  })();
  return typecheck;
}

describe('the TypeScript samples type-check against the types openapi-typescript generates', () => {
  for (const contract of contracts) {
    const excused = TYPES_CANNOT_HOLD[contract.name] ?? {};
    it.skipIf('*' in excused)(
      `every TypeScript sample of ${contract.name} compiles with tsc --strict`,
      async () => {
        const { output, written } = await typecheckAll();
        const files = written.get(contract.name) ?? [];
        // tsc names each file by its path below the program's folder: `<contract>/op3.ts(4,5): …`.
        const prefix = `${contract.name}/`;
        const mine = output
          .split('\n')
          .filter((line) => line.startsWith(prefix))
          .map((line) => line.slice(prefix.length))
          .join('\n');
        expect(named(mine, files)).toBe('');
        expect(files.length).toBeGreaterThan(0);
        // Output no contract's folder claims (a broken tsconfig, a crash) fails every contract.
        expect(
          output
            .split('\n')
            .filter(
              (line) => line.trim() !== '' && !/^[\w.-]+\/op\d+\.ts\(/.test(line) && !line.startsWith(' '),
            ),
        ).toEqual([]);
      },
      180_000,
    );
  }
});

describe('the Python samples compile', () => {
  for (const contract of contracts) {
    it(`every Python sample of ${contract.name} passes py_compile`, async () => {
      const { dir, files } = writeSamples(contract, 'python', 'py');
      expect(files.length).toBeGreaterThan(0);
      const output = await failureText('python3', ['-m', 'py_compile', ...files.map((f) => f.file)], dir);
      expect(named(output, files)).toBe('');
    });
  }
});

describe('the curl samples are valid shell', () => {
  for (const contract of contracts) {
    it(`every curl sample of ${contract.name} passes bash -n`, async () => {
      const { dir, files } = writeSamples(contract, 'bash', 'sh');
      expect(files.length).toBeGreaterThan(0);
      const outputs = await Promise.all(
        files.map((written) => failureText('bash', ['-n', written.file], dir)),
      );
      const failures = outputs.flatMap((output, index) =>
        output === '' ? [] : [`${files[index]?.where}: ${output}`],
      );
      expect(failures.join('\n')).toBe('');
    });
  }
});
