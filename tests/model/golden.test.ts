import { describe, expect, it } from 'vitest';
import { allContracts, modelOf } from './fixtures.ts';
import { goldenJson, modelSnapshot, type SnapshotSelection } from './snapshot.ts';

/**
 * The committed contract's golden file shows its whole navigation but only operations that stand
 * for the others (all 56 made a golden of 56,000 lines no one read): a list with paging and
 * filters, a create with a nested body, a bulk create answered by a job (202), a command with
 * alternative bodies, a call without authentication, and one webhook; with the schemas they use.
 * Every operation of it is still checked page by page by the site tests.
 */
const REPRESENTATIVE: Readonly<Record<string, SnapshotSelection>> = {
  ocpplab: {
    operations: [
      'get /ocpp/chargers',
      'post /ocpp/chargers',
      'post /ocpp/locations/{location_id}/chargers',
      'post /ocpp/commands/proxy-message',
      'get /health',
    ],
    webhooks: ['charger.provisioning.updated'],
  },
};

// One golden file per contract: navigation, every operation's detail (parameters, bodies,
// responses, examples, samples), webhooks and every component schema's tree.
// After a deliberate change: `npx vitest run tests/model -u`, then read the diff.
describe('the model of each contract matches its golden file', () => {
  for (const contract of allContracts()) {
    it(`${contract.name} matches __golden__/${contract.name}.json`, async () => {
      const selection = REPRESENTATIVE[contract.name];
      const model = modelOf(contract);
      if (selection !== undefined) {
        // A renamed operation must not shrink the golden file unnoticed.
        const keys = new Set(model.operations.map((operation) => operation.key));
        expect(selection.operations.filter((key) => !keys.has(key))).toEqual([]);
        expect(model.webhooks.map((webhook) => webhook.name)).toEqual(
          expect.arrayContaining([...selection.webhooks]),
        );
      }
      const snapshot = goldenJson(modelSnapshot(model, selection));
      await expect(snapshot).toMatchFileSnapshot(`__golden__/${contract.name}.json`);
    });
  }
});
