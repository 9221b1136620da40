import type { CodeSample } from '../types.ts';
import { describeCall, type SampleInput } from './call.ts';
import { curl } from './curl.ts';
import { python } from './python.ts';
import { typescript } from './typescript.ts';

export type { SampleInput };

/**
 * Code samples in curl, Python (`requests`) and TypeScript (`openapi-fetch`),
 * runnable as shown: the snippet tests execute each of them against the contract.
 * They send the path parameters, the required query, header and cookie
 * parameters, and the first request example. One description of the call
 * (`call.ts`), one writer per language.
 */
export function codeSamples(input: SampleInput): CodeSample[] {
  const call = describeCall(input);
  return [
    { lang: 'bash', label: 'curl', code: curl(call) },
    { lang: 'python', label: 'Python', code: python(call) },
    { lang: 'ts', label: 'TypeScript', code: typescript(call) },
  ];
}
