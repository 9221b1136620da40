/**
 * The hand-written pages in reading order: the Docs sidebar (astro.config.mjs)
 * and the llms.txt / llms-full.txt builders read this one list, so they cannot
 * disagree. `slug` is the page's path below the site root (`''` for home).
 */
interface GuideEntry {
  label: string;
  slug: string;
  /** Pages beneath this one: the sidebar shows a group that opens with this page. */
  children?: readonly GuideEntry[];
}

const GUIDES: readonly GuideEntry[] = [
  { label: 'Welcome', slug: '' },
  { label: 'Quickstart', slug: 'quickstart' },
  { label: 'Concepts', slug: 'concepts' },
  {
    label: 'Common workflows',
    slug: 'workflows',
    children: [
      { label: 'Provision a fleet in bulk', slug: 'workflows/provision-a-fleet' },
      { label: 'Location-scoped commands', slug: 'workflows/location-commands' },
      { label: 'Local authorization list', slug: 'workflows/local-auth-list' },
      { label: 'Inject and clear a fault', slug: 'workflows/inject-a-fault' },
      { label: 'Raw OCPP messages', slug: 'workflows/proxy-message' },
      { label: 'CPO bundle from a template', slug: 'workflows/cpo-bundle' },
    ],
  },
  { label: 'Authentication', slug: 'authentication' },
  { label: 'Making requests', slug: 'making-requests' },
  { label: 'Support', slug: 'support' },
  { label: 'Changelog', slug: 'changelog' },
];

type SidebarItem = { label: string; link: string } | { label: string; items: SidebarItem[] };

const link = (slug: string) => (slug === '' ? '/' : `/${slug}/`);

/** The Docs sidebar items, as Starlight wants them: a page with children is a group, itself first as "Overview". */
export function guideSidebarItems(): SidebarItem[] {
  const item = (guide: GuideEntry): SidebarItem =>
    guide.children === undefined
      ? { label: guide.label, link: link(guide.slug) }
      : {
          label: guide.label,
          items: [{ label: 'Overview', link: link(guide.slug) }, ...guide.children.map(item)],
        };
  return GUIDES.map(item);
}

/** Every listed page in reading order: each page, then its children. */
const READING_ORDER: readonly string[] = GUIDES.flatMap(function slugs(guide: GuideEntry): string[] {
  return [guide.slug, ...(guide.children ?? []).flatMap(slugs)];
});

/**
 * Guides in reading order: the listed ones first, then any other page of
 * `docs/` by slug, so a page missing from the list still reaches llms-full.txt.
 */
export function orderGuides<T extends { slug: string }>(pages: readonly T[]): T[] {
  const rank = (slug: string) => {
    const index = READING_ORDER.indexOf(slug);
    return index === -1 ? READING_ORDER.length : index;
  };
  return [...pages].sort((a, b) => rank(a.slug) - rank(b.slug) || a.slug.localeCompare(b.slug));
}
