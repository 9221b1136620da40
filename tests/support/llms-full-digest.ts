/**
 * Prints the SHA-256 of the reference part of llms-full.txt for the committed contract, built
 * from nothing in this process: run twice, it shows whether the output depends on anything but
 * the contract (iteration order of a Map filled in another order, a timestamp, a random id).
 */
import { createHash } from 'node:crypto';
import { resolveSiteConfig } from '../../src/config.ts';
import { llmsFullParts } from '../../src/markdown/llms.ts';
import { loadModel } from '../../src/model/load.ts';
import { referencePages } from '../../src/model/pages.ts';

const config = resolveSiteConfig({ site: 'https://docs.ocpplab.com' }, {});
const model = loadModel(config.contractPath, config);
const parts = llmsFullParts(
  {
    title: 'OCPPLAB Gateway',
    summary: 'Simulated charge points.',
    guides: [],
    reference: referencePages(model),
  },
  { site: config.site, model, mode: 'page', guideSource: () => undefined },
);
process.stdout.write(createHash('sha256').update(JSON.stringify(parts)).digest('hex'));
