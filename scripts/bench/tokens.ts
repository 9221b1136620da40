// `tsx scripts/bench/tokens.ts [contract.json]`: token counts (o200k_base) of the
// API reference part of /llms-full.txt next to the minified contract it is made
// from. The twins should carry every field in fewer tokens than the raw contract.
// `tokenReport` gives the same figures as columns of the `npm run bench` table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getEncoding, type Tiktoken } from 'js-tiktoken';
import { resolveSiteConfig } from '../../src/config.ts';
import { llmsFullParts } from '../../src/markdown/llms.ts';
import type { TwinContext } from '../../src/markdown/page.ts';
import { loadModel } from '../../src/model/load.ts';
import { REFERENCE_BASE } from '../../src/model/navigation.ts';
import { referencePages } from '../../src/model/pages.ts';
import type { Report } from './reports/types.ts';

export interface TokenFigures {
  /** Tokens of the reference part of llms-full.txt (from the API overview to the end). */
  reference: number;
  /** Of which, the code samples (curl, Python, TypeScript), which the contract does not carry. */
  samples: number;
  /** Tokens of `JSON.stringify(contract)`. */
  contract: number;
}

let encoder: Tiktoken | undefined;
const count = (text: string) => {
  encoder ??= getEncoding('o200k_base');
  return encoder.encode(text).length;
};

/** The figures for a reference text and the contract it was made from. */
export function tokenFigures(referenceText: string, contractText: string): TokenFigures {
  const samples = [
    ...referenceText.matchAll(/^```(?:bash|python|ts) title="(?:curl|Python|TypeScript)"\n[\s\S]*?^```$/gm),
  ]
    .map((match) => count(match[0]))
    .reduce((sum, tokens) => sum + tokens, 0);
  return {
    reference: count(referenceText),
    samples,
    contract: count(JSON.stringify(JSON.parse(contractText))),
  };
}

/** The reference part of a built llms-full.txt: from the overview's `Source:` line on. */
function referencePart(llmsFull: string, site: string): string {
  const at = llmsFull.indexOf(`Source: ${site.replace(/\/+$/, '')}/${REFERENCE_BASE}.md`);
  if (at === -1)
    throw new Error(`llms-full.txt: no page 'Source: ${site}/${REFERENCE_BASE}.md'; was the site built?`);
  return llmsFull.slice(at);
}

function formatFigures(figures: TokenFigures): string[] {
  const ratio = (figures.reference / figures.contract).toFixed(2);
  const withoutSamples = ((figures.reference - figures.samples) / figures.contract).toFixed(2);
  return [
    `${figures.reference.toLocaleString('en')} (${figures.samples.toLocaleString('en')} in code samples)`,
    figures.contract.toLocaleString('en'),
    `${ratio} (${withoutSamples} without samples)`,
  ];
}

/** Columns of the `npm run bench` table, read from a finished build. */
export const tokenReport: Report = {
  columns: ['llms-full.txt reference tokens', 'openapi.json tokens', 'ratio'],
  measure(run) {
    const site = resolveSiteConfig().site;
    const reference = referencePart(readFileSync(join(run.outDir, 'llms-full.txt'), 'utf8'), site);
    return formatFigures(tokenFigures(reference, readFileSync(run.contractPath, 'utf8')));
  },
};

/** The token figures of a contract's reference, made from the model without a site build. */
export function contractTokenLines(contractPath: string): string[] {
  const config = resolveSiteConfig({ contractPath });
  const model = loadModel(config.contractPath, config);
  const context: TwinContext = { site: config.site, model, mode: 'page', guideSource: () => undefined };
  // The reference as the site lists it: the `Page` union's pages.
  const parts = llmsFullParts(
    { title: model.title, summary: model.title, guides: [], reference: referencePages(model) },
    context,
  );
  const figures = tokenFigures(parts.reference.join('\n---\n\n'), readFileSync(config.contractPath, 'utf8'));
  const [reference, contract, ratio] = formatFigures(figures);
  return [
    `${config.contractPath} (o200k_base tokens)`,
    `  llms-full.txt, API reference part: ${reference}`,
    `  openapi.json, minified:            ${contract}`,
    `  ratio:                             ${ratio}`,
  ];
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(contractTokenLines(process.argv[2] ?? resolveSiteConfig().contractPath).join('\n'));
}
