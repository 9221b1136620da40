/** Helpers of the lean reference sidebar (Sidebar.astro, SidebarList.astro). */
import type { StarlightRouteData } from '@astrojs/starlight/route-data';

type Entry = StarlightRouteData['sidebar'][number];
type Group = Extract<Entry, { type: 'group' }>;
type Badge = NonNullable<Entry['badge']>;

/** Whether the current page is somewhere in `group`: such a group is always shown open. */
export function hasCurrent(group: Group): boolean {
  return group.entries.some((entry) => (entry.type === 'link' ? entry.isCurrent : hasCurrent(entry)));
}

/**
 * The colour class of a badge: the HTTP method (or `webhook`) the reference puts in its badges'
 * class (src/render/sidebar.ts), else Starlight's variant (note, tip, …).
 */
export function badgeKind(badge: Badge): string {
  return badge.class ?? badge.variant;
}

/**
 * A short fingerprint of a sidebar's labels and links. Starlight's state script keeps the open
 * groups and the scroll position only between pages whose sidebars have the same one.
 */
export function sidebarHash(entries: Entry[]): string {
  let hash = 0x811c9dc5;
  const visit = (list: Entry[]) => {
    for (const entry of list) {
      const text = entry.type === 'link' ? `${entry.label}\u0000${entry.href}\u0000` : `${entry.label}\u0001`;
      for (let at = 0; at < text.length; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
      if (entry.type === 'group') {
        visit(entry.entries);
        hash = Math.imul(hash ^ 2, 0x01000193);
      }
    }
  };
  visit(entries);
  return (hash >>> 0).toString(36);
}

const GROUP_INDEX = Symbol.for('ocpplab.frame.sidebar-group-index');

/**
 * The index of the next group of the page's sidebar, in document order: the key under which
 * Starlight's state script stores whether that group is open. Counted per page render.
 */
export function nextGroupIndex(locals: object): number {
  const counter = locals as { [GROUP_INDEX]?: number };
  const index = counter[GROUP_INDEX] ?? 0;
  counter[GROUP_INDEX] = index + 1;
  return index;
}
