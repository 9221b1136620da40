import type {
  Blockquote,
  Code,
  List,
  ListItem,
  Paragraph,
  Parent,
  PhrasingContent,
  Root,
  RootContent,
} from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { remarkHeadingId } from 'remark-custom-heading-id';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { pageUrl } from '../model/pages.ts';
import { metaValue } from './fence-meta.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { twinHref } from './links.ts';
import { MARKDOWN_OPTIONS } from './markdown.ts';

export interface GuideContext {
  /** The public site URL (`config.site`): internal links become absolute twin links on it. */
  site: string;
  /** The page's slug (`quickstart`, `''` for home), to resolve relative links. */
  slug: string;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** Starlight's default aside labels, by `type`. */
const ASIDE_LABELS: Readonly<Record<string, string>> = {
  note: 'Note',
  tip: 'Tip',
  caution: 'Caution',
  danger: 'Danger',
};

/** Fence meta a reader needs; the rest (`no-run`, `frame`, `mark`…) only steers renderers and runners. */
const KEPT_META = ['title'];

/**
 * A guide's MDX (or Markdown) body as clean Markdown: no imports, no JSX.
 * Tabs become consecutive titled code blocks, asides blockquotes with their label,
 * cards and link cards lists; internal links point at the absolute `.md` twins.
 * A leading frontmatter block, if present, is dropped (the caller writes the title).
 */
export function guideMarkdown(source: string, context: GuideContext): string {
  // `{#id}` after a heading (the changelog's release anchors) is the HTML's id, not text to read.
  const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkHeadingId);
  const tree = parser.runSync(parser.parse(splitFrontmatter(source).body));
  const clean: Root = { type: 'root', children: convertAll(tree.children, context) };
  return unified()
    .use(remarkGfm, { tablePipeAlign: false })
    .use(remarkStringify, MARKDOWN_OPTIONS)
    .stringify(clean)
    .trimEnd();
}

function convertAll(nodes: readonly RootContent[], context: GuideContext): RootContent[] {
  return mergeLinkCardLists(nodes.flatMap((node) => convert(node, context)));
}

function withChildren<T extends Parent>(node: T, context: GuideContext): T {
  return { ...node, children: convertAll(node.children, context) as T['children'] };
}

function convert(node: RootContent, context: GuideContext): RootContent[] {
  switch (node.type) {
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
    case 'html':
      return [];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return component(node, context);
    case 'code':
      return [cleanCode(node)];
    case 'link':
      return [
        { ...withChildren(node, context), url: twinHref(node.url, context.site, pageUrl(context.slug)) },
      ];
    case 'definition':
      return [{ ...node, url: twinHref(node.url, context.site, pageUrl(context.slug)) }];
    case 'image':
      return [{ ...node, url: twinHref(node.url, context.site, pageUrl(context.slug)) }];
    default:
      return 'children' in node ? [withChildren(node, context)] : [node];
  }
}

function attribute(node: JsxElement, name: string): string | undefined {
  for (const attr of node.attributes) {
    if (attr.type === 'mdxJsxAttribute' && attr.name === name) {
      if (typeof attr.value === 'string') return attr.value;
      if (attr.value === null || attr.value === undefined) return '';
      // `label={'curl'}`: a plain string literal is the only expression worth reading.
      const literal = /^\s*(['"`])([^'"`]*)\1\s*$/.exec(attr.value.value);
      return literal?.[2];
    }
  }
  return undefined;
}

function component(node: JsxElement, context: GuideContext): RootContent[] {
  const children = convertAll(node.children as RootContent[], context);
  switch (node.name) {
    case 'Tabs':
      return node.children.flatMap((child) =>
        (child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') && child.name === 'TabItem'
          ? tab(child, context)
          : convert(child as RootContent, context),
      );
    case 'TabItem':
      return tab(node, context);
    case 'Aside':
      return [aside(node, children)];
    case 'Card':
      return [strongLine(attribute(node, 'title') ?? ''), ...children];
    case 'LinkCard':
      return [linkCard(node, context)];
    case 'Badge': {
      const text = attribute(node, 'text');
      return text ? [{ type: 'text', value: `(${text})` }] : [];
    }
    case 'Icon':
      return [];
    // Audience blocks (src/components/audience/): the twin is what agents read.
    case 'ForAgents':
      return children;
    case 'ForHumans':
      return [];
    default:
      // CardGrid, Steps, FileTree, unknown components and HTML-like tags: their content is the point.
      return children;
  }
}

/** A tab whose content is code becomes titled code blocks; other tabs keep their label as a bold line. */
function tab(node: JsxElement, context: GuideContext): RootContent[] {
  const label = attribute(node, 'label') ?? '';
  const children = convertAll(node.children as RootContent[], context);
  if (children.length > 0 && children.every((child) => child.type === 'code')) {
    return children.map((child) => {
      const code = child as Code;
      const title = metaValue(code.meta, 'title');
      const combined = title === undefined || title === label ? label : `${label}: ${title}`;
      return { ...code, meta: label === '' ? code.meta : metaText({ title: combined }) };
    });
  }
  return label === '' ? children : [strongLine(label), ...children];
}

function aside(node: JsxElement, children: RootContent[]): Blockquote {
  const kind = ASIDE_LABELS[attribute(node, 'type') ?? 'note'] ?? 'Note';
  const title = attribute(node, 'title');
  // The HTML shows only the title; the twin keeps the kind too, which the icon and colour convey there.
  const label = title && title !== kind ? `${kind} — ${title}` : kind;
  const lead: PhrasingContent[] = [{ type: 'strong', children: [{ type: 'text', value: `${label}:` }] }];
  const [first, ...rest] = children;
  if (first?.type === 'paragraph') {
    const paragraph: Paragraph = {
      ...first,
      children: [...lead, { type: 'text', value: ' ' }, ...first.children],
    };
    return { type: 'blockquote', children: [paragraph, ...rest] as Blockquote['children'] };
  }
  return {
    type: 'blockquote',
    children: [{ type: 'paragraph', children: lead }, ...children] as Blockquote['children'],
  };
}

function linkCard(node: JsxElement, context: GuideContext): List {
  const title = attribute(node, 'title') ?? '';
  const href = twinHref(attribute(node, 'href') ?? '', context.site, pageUrl(context.slug));
  const description = attribute(node, 'description');
  const content: PhrasingContent[] = [
    { type: 'link', url: href, children: [{ type: 'text', value: title }] },
  ];
  if (description) content.push({ type: 'text', value: `: ${description}` });
  const item: ListItem = {
    type: 'listItem',
    spread: false,
    children: [{ type: 'paragraph', children: content }],
  };
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: [item],
    data: { linkCards: true } as List['data'],
  };
}

/** Consecutive link cards read as one list, not a list per card. */
function mergeLinkCardLists(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) {
    const previous = out.at(-1);
    if (isLinkCardList(node) && previous !== undefined && isLinkCardList(previous)) {
      out[out.length - 1] = { ...previous, children: [...previous.children, ...node.children] };
    } else {
      out.push(node);
    }
  }
  return out;
}

function isLinkCardList(node: RootContent): node is List {
  return node.type === 'list' && (node.data as { linkCards?: boolean } | undefined)?.linkCards === true;
}

function strongLine(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: text }] }] };
}

function cleanCode(node: Code): Code {
  const kept: Record<string, string> = {};
  for (const name of KEPT_META) {
    const value = metaValue(node.meta, name);
    if (value !== undefined) kept[name] = value;
  }
  return { ...node, meta: Object.keys(kept).length > 0 ? metaText(kept) : null };
}

function metaText(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}="${value.replace(/["\\]/g, '\\$&')}"`)
    .join(' ');
}
