import { describe, expect, it } from 'vitest';
import { resolveSiteConfig, SERVE_DEFAULTS, serveAddress } from '../../src/config.ts';

describe('the site options', () => {
  it('take the environment over the defaults', () => {
    expect(resolveSiteConfig({}, {}).contractPath).toBe('openapi/openapi.json');
    expect(resolveSiteConfig({}, { OCPPLAB_SITE: 'https://docs.example.com' }).site).toBe(
      'https://docs.example.com',
    );
    expect(resolveSiteConfig({}, { OCPPLAB_TRY_IT_MOCK: 'https://mock.example.com' }).tryItMock).toBe(
      'https://mock.example.com',
    );
    expect(resolveSiteConfig({}, { OCPPLAB_CONTRACT: 'other.json' }).failOnBrokenLinks).toBe(false);
    expect(resolveSiteConfig({}, {}).cacheDir).toBe('node_modules/.astro');
    expect(resolveSiteConfig({}, { OCPPLAB_CACHE_DIR: '.cache/a/astro' }).cacheDir).toBe('.cache/a/astro');
  });

  it('refuse a try-it mock that is not a URL', () => {
    expect(() => resolveSiteConfig({}, { OCPPLAB_TRY_IT_MOCK: 'not a url' })).toThrow();
  });

  it("give npm start's address from HOST and PORT, else the defaults", () => {
    expect(serveAddress({})).toEqual(SERVE_DEFAULTS);
    expect(serveAddress({ HOST: '0.0.0.0', PORT: '8080' })).toEqual({ host: '0.0.0.0', port: 8080 });
    expect(serveAddress({ PORT: 'abc' }).port).toBeNaN();
  });
});
