// The files `npm run sync` reads and writes, relative to the project root. A module without the
// pipeline's dependencies, so that the command line names them (`--help`, messages) without
// loading the bundler, the linter and the type generator first.
import { historyPath, urlRecordPath } from '../../src/record-file.ts';

export const CONTRACT_FILE = 'openapi/openapi.json';
export const PROVENANCE_FILE = 'openapi/provenance.json';
export const TYPES_FILE = 'src/generated/ocpplab.d.ts';
export const CHANGELOG_FILE = 'docs/changelog.md';
/** Every reference URL published so far, for redirects and "removed" pages (src/urls.ts). */
export const URLS_FILE = urlRecordPath(CONTRACT_FILE);
/** What each release did to each operation, webhook and schema page (src/history.ts). */
export const HISTORY_FILE = historyPath(CONTRACT_FILE);
