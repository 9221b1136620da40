// randexp ships no type declarations; this covers the part we use.
declare module 'randexp' {
  export default class RandExp {
    constructor(pattern: string | RegExp, flags?: string);
    max: number;
    defaultRange: { subtract(from: number, to: number): void; add(from: number, to: number): void };
    randInt: (from: number, to: number) => number;
    gen(): string;
  }
}
