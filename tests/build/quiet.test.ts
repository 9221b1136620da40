/**
 * A clean build of the committed site prints no warning: each one it printed used to be a cause
 * fixed at its source (the i18n collection, the 404 route, the MDX head-inject directive), and a
 * new one should be read, not scrolled past. Reads the log of the `site` project's one build.
 */
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, inject, it } from 'vitest';

const lines = () => stripVTControlCharacters(inject('committedSiteLog')).split('\n');

describe('the build of the committed site', () => {
  it('logged what it built', () => {
    // Guards the check below: an empty or truncated log would pass it.
    expect(lines().some((line) => line.includes('page(s) built in'))).toBe(true);
  });

  it('prints no warning and no error', () => {
    const noisy = lines().filter((line) => /\[(WARN|ERROR)\]/.test(line));
    expect(noisy).toEqual([]);
  });
});
