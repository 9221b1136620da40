import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { APIRoute } from 'astro';
import { config } from '../site.ts';

/** `/openapi.json`: the synced contract, byte for byte, for download. */
export const GET: APIRoute = () =>
  new Response(readFileSync(resolve(config.contractPath)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
