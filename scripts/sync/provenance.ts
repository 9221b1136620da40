import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Where `openapi/openapi.json` came from. No timestamp: syncing the same input twice changes nothing. */
export const ProvenanceSchema = z.strictObject({
  /** `--from` as given: a directory or a git URL. */
  source: z.string(),
  /** `--ref` as given, or null. */
  ref: z.string().nullable(),
  /** The commit read, when the source is a git repository. */
  commit: z.string().nullable(),
  /** The contract's path inside the source. */
  path: z.string(),
  /** SHA-256 of `openapi/openapi.json` as written. */
  sha256: z.string(),
  /** `info.version` of the contract. */
  version: z.string().nullable(),
});

export type Provenance = z.infer<typeof ProvenanceSchema>;

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The committed provenance, or undefined when there is none or it is not ours. */
export function parseProvenance(text: string | undefined): Provenance | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = ProvenanceSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
