/**
 * The hand-written pages in reading order: the Docs sidebar (astro.config.mjs)
 * and the llms.txt / llms-full.txt builders read this one list, so they cannot
 * disagree. `slug` is the page's path below the site root (`''` for home).
 */
interface GuideEntry {
  label: string;
  slug: string;
}

const GUIDES: readonly GuideEntry[] = [
  { label: 'Welcome', slug: '' },
  { label: 'Quickstart', slug: 'quickstart' },
  { label: 'Concepts', slug: 'concepts' },
  { label: 'Common workflows', slug: 'workflows' },
  { label: 'Authentication', slug: 'authentication' },
  { label: 'Making requests', slug: 'making-requests' },
  { label: 'Support', slug: 'support' },
  { label: 'Changelog', slug: 'changelog' },
];

/** The Docs sidebar items, as Starlight wants them. */
export function guideSidebarItems(): { label: string; link: string }[] {
  return GUIDES.map((guide) => ({ label: guide.label, link: guide.slug === '' ? '/' : `/${guide.slug}/` }));
}

/**
 * Guides in reading order: the listed ones first, then any other page of
 * `docs/` by slug, so a page missing from the list still reaches llms-full.txt.
 */
export function orderGuides<T extends { slug: string }>(pages: readonly T[]): T[] {
  const rank = (slug: string) => {
    const index = GUIDES.findIndex((guide) => guide.slug === slug);
    return index === -1 ? GUIDES.length : index;
  };
  return [...pages].sort((a, b) => rank(a.slug) - rank(b.slug) || a.slug.localeCompare(b.slug));
}
