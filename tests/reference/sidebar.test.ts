import { describe, expect, it } from 'vitest';
import { syntheticContract } from '../../scripts/bench/contract.ts';
import { resolveSiteConfig } from '../../src/config.ts';
import { buildModel } from '../../src/model/build.ts';
import { type ReferencePage, referencePages } from '../../src/model/pages.ts';
import { referenceSidebar, type SidebarItem } from '../../src/render/sidebar.ts';

const config = resolveSiteConfig({}, {});

function count(items: SidebarItem[]): number {
  return items.reduce((sum, item) => sum + 1 + ('items' in item ? count(item.items) : 0), 0);
}

function firstOperationPage(operations: number): {
  size: number;
  sidebar: SidebarItem[];
  page: ReferencePage;
} {
  const model = buildModel(syntheticContract(operations), config);
  const page = referencePages(model).find((candidate) => candidate.kind === 'operation');
  if (page === undefined) throw new Error('no operation page');
  const sidebar = referenceSidebar(model, page);
  return { size: count(sidebar), sidebar, page };
}

describe('referenceSidebar', () => {
  it('ends with a link back to the guides, the only one on screens too narrow for the header switch', () => {
    expect(firstOperationPage(300).sidebar.at(-1)).toEqual({ label: 'Docs', link: '/' });
  });

  it('does not grow with the number of operations beyond one link per group', () => {
    const small = firstOperationPage(300);
    const large = firstOperationPage(3000);
    const groups = (operations: number) => buildModel(syntheticContract(operations), config).groups.length;
    // Same neighbourhood (first group, first tag); only the list of other groups grows.
    expect(large.size - small.size).toBe(groups(3000) - groups(300));
    expect(large.size).toBeLessThan(80);
  });

  it("lists the current tag's operations with method badges, and other groups as single links", () => {
    const { sidebar, page } = firstOperationPage(300);
    if (page.kind !== 'operation') throw new Error('unexpected page');
    const group = sidebar.find((item) => item.label === page.operation.group.name);
    expect(group && 'items' in group).toBe(true);
    const tag =
      group && 'items' in group
        ? group.items.find((item) => item.label === page.operation.tag.name)
        : undefined;
    const links = tag && 'items' in tag ? tag.items : [];
    const operationLink = links.find((item) => 'link' in item && item.link === `/${page.operation.slug}/`);
    expect(operationLink).toMatchObject({ badge: { text: page.operation.method.toUpperCase() } });
    const others = sidebar.filter((item) => item !== group && item.label.startsWith('Area'));
    expect(others.length).toBeGreaterThan(0);
    for (const other of others) expect('link' in other).toBe(true);
  });
});
