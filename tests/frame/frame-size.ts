import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';

/**
 * The "frame" of a built page: everything Starlight puts around `<main>…</main>` (head, header,
 * sidebar, tables of contents, menus). Measured in UTF-8 bytes, as it is stored in dist/.
 */
export function frameBytes(html: string): number {
  const start = html.indexOf('<main');
  const end = html.indexOf('</main>', start);
  if (start === -1 || end === -1) throw new Error('no <main> in the page');
  return Buffer.byteLength(html) - Buffer.byteLength(html.slice(start, end + '</main>'.length));
}

/**
 * Where the frame's bytes go, part by part: each part is the markup of the elements a selector
 * finds, less the parts nested in it, so the figures add up to the frame. Scripts are parts of
 * their own (the inline ones, and the tags of external ones), wherever they sit.
 */
export const FRAME_PARTS: ReadonlyArray<readonly [name: string, selector: string]> = [
  ['inline scripts', 'script:not([src])'],
  ['script tags', 'script[src]'],
  ['theme icons template', 'template'],
  ['theme select', 'starlight-theme-select'],
  ['search', 'site-search'],
  ['menu button', 'button[popovertarget]'],
  ['mobile TOC', 'mobile-starlight-toc'],
  ['TOC', 'starlight-toc'],
  ['sidebar', 'sl-sidebar-pane'],
  ['header', 'header'],
  ['head', 'head'],
];

export function frameParts(html: string): Record<string, number> {
  const tree = fromHtml(html);
  const main = select('main', tree);
  const bytesOf = (node: Element) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return 0;
    return Buffer.byteLength(html.slice(start, end));
  };
  const counted = new Set<Element>();
  const parts: Record<string, number> = {};
  for (const [name, selector] of FRAME_PARTS) {
    let bytes = 0;
    for (const node of selectAll(selector, tree)) {
      if (counted.has(node) || (main !== undefined && inside(node, main))) continue;
      bytes += bytesOf(node) - nestedBytes(node, counted, bytesOf);
      counted.add(node);
    }
    parts[name] = bytes;
  }
  const total = frameBytes(html);
  parts.other = total - Object.values(parts).reduce((sum, bytes) => sum + bytes, 0);
  parts.total = total;
  return parts;
}

/** Bytes of the already counted elements below `node`, outermost only. */
function nestedBytes(node: Element, counted: Set<Element>, bytesOf: (node: Element) => number): number {
  let bytes = 0;
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    bytes += counted.has(child) ? bytesOf(child) : nestedBytes(child, counted, bytesOf);
  }
  return bytes;
}

function inside(node: Element, ancestor: Element): boolean {
  const start = node.position?.start.offset ?? -1;
  return start >= (ancestor.position?.start.offset ?? 0) && start < (ancestor.position?.end.offset ?? 0);
}
