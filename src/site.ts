import { resolveSiteConfig } from './config.ts';
import { readHistory } from './history.ts';
import { loadContract, loadModel } from './model/load.ts';
import { referencePages } from './model/pages.ts';
import { readUrlRecord, urlPlan } from './urls.ts';

/** The options of this build (see `src/config.ts`). */
export const config = resolveSiteConfig();

/** The model of the synced contract, built once per build. */
export const model = loadModel(config.contractPath, config);

/** The reference pages in sidebar order, shared by routes, twins and llms.txt. */
export const reference = referencePages(model);

/** The synced contract as parsed JSON (the model's own copy), for what reads it directly (the "Try it" files). */
export const contract = loadContract(config.contractPath);

/**
 * What the recorded URLs that no longer hold their page serve (openapi/urls.json): redirects,
 * written by Astro from `redirects` in astro.config.mjs, and "removed" pages, routed here.
 */
export const urls = urlPlan(readUrlRecord(config.contractPath), model);

/** What each release added, changed and deprecated, page by page (openapi/history.json). */
export const history = readHistory(config.contractPath);
