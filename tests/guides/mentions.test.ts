/**
 * Every `METHOD /path`, field, status and header the guides name exists in the contract
 * (or is allowed, with its reason, in OUTSIDE_THE_CONTRACT).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  checkMentions,
  collectMentions,
  contractVocabulary,
  normalizePath,
  OUTSIDE_THE_CONTRACT,
} from '../../scripts/guides/mentions.ts';
import { docsSnippetSources } from '../../scripts/snippets/sources.ts';

const contract = JSON.parse(readFileSync('openapi/openapi.json', 'utf8'));
const vocabulary = contractVocabulary(contract);

describe('collectMentions', () => {
  const page = 'tests/fixtures/guides/mentions/docs/wrong.mdx';
  const mentions = collectMentions({ page, markdown: readFileSync(page, 'utf8') });

  test('finds operations, paths, fields, statuses and headers in prose, inline code and JSX, not in code blocks', () => {
    expect(mentions.map((mention) => `${mention.line} ${mention.kind} ${mention.text}`)).toEqual([
      '8 operation POST /ocpp/locations',
      '8 operation GET /ocpp/reboot',
      '11 field status_url',
      '11 field provisioning_state',
      '11 field error.reason',
      '14 status 418',
      '14 status 429',
      '14 header Retry-After',
      '15 header X-Tenant-Id',
      '15 path /ocpp/fleets',
    ]);
  });

  test('reports each unknown mention at its page and line', () => {
    expect(checkMentions(mentions, vocabulary, OUTSIDE_THE_CONTRACT)).toEqual([
      `${page}:8: GET /ocpp/reboot is not in the contract`,
      `${page}:11: provisioning_state is not in the contract`,
      `${page}:11: error.reason is not in the contract`,
      `${page}:14: 418 is not in the contract`,
      `${page}:15: X-Tenant-Id is not in the contract`,
      `${page}:15: /ocpp/fleets is not in the contract`,
    ]);
  });
});

describe('the contract vocabulary', () => {
  test.each([
    { given: '/ocpp/chargers/{charger_id}/logs', want: '/ocpp/chargers/{}/logs' },
    { given: '/ocpp/chargers/{id}/logs.', want: '/ocpp/chargers/{}/logs' },
    { given: '/ocpp/locations/{location_id}/chargers?charger_ids=…', want: '/ocpp/locations/{}/chargers' },
  ])('normalizes $given to $want', ({ given, want }) => {
    expect(normalizePath(given)).toBe(want);
  });

  test('matches paths whatever their parameters are called, and knows fields, values, statuses and headers', () => {
    const mention = (kind: 'operation' | 'path' | 'field' | 'status' | 'header', text: string) => ({
      page: 'docs/p.mdx',
      line: 1,
      kind,
      text,
    });
    const checked = [
      mention('operation', 'GET /ocpp/chargers/{id}/logs'),
      mention('operation', 'PATCH /ocpp/chargers/{charger_id}'),
      mention('path', '/ocpp/commands/'),
      mention('path', '/ocpp/command/'),
      mention('field', 'charger_ids'),
      mention('field', 'charger_offline'),
      mention('field', 'cpo.provisioning.updated'),
      mention('status', '422'),
      mention('status', '409'),
      mention('header', 'X-Organization-Id'),
      mention('header', 'Authorization'),
    ];
    expect(checkMentions(checked, vocabulary, OUTSIDE_THE_CONTRACT)).toEqual([
      'docs/p.mdx:1: PATCH /ocpp/chargers/{charger_id} is not in the contract',
      'docs/p.mdx:1: /ocpp/command/ is not in the contract',
      'docs/p.mdx:1: 409 is not in the contract',
    ]);
  });

  test('allows only statuses the contract does not already declare', () => {
    for (const status of OUTSIDE_THE_CONTRACT.statuses.keys())
      expect(vocabulary.statuses).not.toContain(status);
  });
});

describe('the guides under docs/', () => {
  test('name only operations, paths, fields, statuses and headers of the contract', async () => {
    const pages = await docsSnippetSources('docs', '.');
    const mentions = pages.flatMap(collectMentions);
    // The check has something to check: the Quickstart alone names a dozen operations.
    expect(mentions.filter((mention) => mention.kind === 'operation').length).toBeGreaterThan(30);
    expect(mentions.filter((mention) => mention.kind === 'field').length).toBeGreaterThan(30);
    expect(checkMentions(mentions, vocabulary, OUTSIDE_THE_CONTRACT)).toEqual([]);
  });
});
