import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProvenanceSchema, sha256 } from '../../scripts/sync/provenance.ts';
import { generateTypes } from '../../scripts/sync/types.ts';
import { resolveSiteConfig } from '../../src/config.ts';
import { loadModel } from '../../src/model/load.ts';
import { pageUrl, referencePages } from '../../src/model/pages.ts';
import { pageKey } from '../../src/model/published.ts';
import { readUrlRecord } from '../../src/urls.ts';
import { PROJECT } from './helpers.ts';

// The files the last `npm run sync` committed must agree with each other; these checks only read.
const read = (file: string) => readFile(path.join(PROJECT, file), 'utf8');

describe('the committed sync output', () => {
  it('has a provenance whose hash and version match openapi/openapi.json', async () => {
    const contract = await read('openapi/openapi.json');
    const provenance = ProvenanceSchema.parse(JSON.parse(await read('openapi/provenance.json')));
    expect(provenance.sha256).toBe(sha256(contract));
    expect(provenance.version).toBe((JSON.parse(contract) as { info: { version: string } }).info.version);
  });

  it('has types generated from the committed contract (stale types fail here)', async () => {
    const contract = JSON.parse(await read('openapi/openapi.json')) as Record<string, unknown>;
    expect(await read('src/generated/ocpplab.d.ts')).toBe(await generateTypes(contract));
  });

  it('has a changelog page with an entry for the committed version', async () => {
    const changelog = await read('docs/changelog.md');
    const provenance = ProvenanceSchema.parse(JSON.parse(await read('openapi/provenance.json')));
    expect(changelog).toMatch(/^---\ntitle: Changelog\n/);
    expect(changelog).toMatch(new RegExp(`^## ${provenance.version?.replaceAll('.', '\\.')} \\(`, 'm'));
  });

  it('has a URL record holding every reference page of the committed contract at its URL', () => {
    const config = resolveSiteConfig({}, {});
    const record = readUrlRecord(path.join(PROJECT, config.contractPath));
    const pages = referencePages(loadModel(path.join(PROJECT, config.contractPath), config));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages)
      expect(record.urls[pageUrl(page.slug)]?.page, `${pageUrl(page.slug)}: run npm run sync`).toBe(
        pageKey(page),
      );
  });
});
