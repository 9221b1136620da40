import { describe, expect, it } from 'vitest';
import { allContracts, modelOf } from './fixtures.ts';
import { goldenJson, modelSnapshot } from './snapshot.ts';

// One golden file per contract: navigation, every operation's detail (parameters, bodies,
// responses, examples, samples), webhooks and every component schema's tree.
// After a deliberate change: `npx vitest run tests/model -u`, then read the diff.
describe('the model of each contract matches its golden file', () => {
  for (const contract of allContracts()) {
    it(`${contract.name} matches __golden__/${contract.name}.json`, async () => {
      const snapshot = goldenJson(modelSnapshot(modelOf(contract)));
      await expect(snapshot).toMatchFileSnapshot(`__golden__/${contract.name}.json`);
    });
  }
});
