import type { ExpressiveCodePlugin, StyleVariant } from '@astrojs/starlight/expressive-code';
import type { Element, ElementContent, Parents } from 'hast';

/**
 * An Expressive Code plugin that moves the colours of highlighted tokens from the markup into the
 * shared stylesheet Expressive Code already writes (`/_astro/ec.*.css`).
 *
 * Expressive Code gives every token an inline style holding its colour in each theme
 * (`<span style="--0:#C792EA;--1:#8844AE">`); on a guide with a few dozen code blocks those
 * styles were about a third of the page. This plugin gives each token instead one short class per
 * theme (`<span class="H k">`), the class standing for one colour (or italic, bold) of one
 * theme's palette. The palettes are the colours the themes can give a token, read from the themes
 * Expressive Code resolved (after its contrast adjustments), so the rules are known before any
 * block is rendered and are the same on every page.
 *
 * Tokens that need no rule are left as plain text: whitespace, and tokens in the code's own
 * foreground colour in every theme. Neighbouring tokens of the same classes are joined. A token
 * whose style the palettes cannot express keeps its inline style, which Expressive Code's own
 * rules still colour.
 *
 * Theme switching follows Starlight's: `<html data-theme="dark|light">`, which is what Starlight
 * resolves Expressive Code's `themeCssSelector` to for its dark and light themes. The hook checks
 * that the resolved config still says so, and fails the build otherwise.
 */
export function codeTokenClasses(): ExpressiveCodePlugin {
  let tables: VariantTable[] | undefined;
  const tablesOf = (styleVariants: StyleVariant[]) => {
    tables ??= styleVariants.map((variant, index) => variantTable(variant, index));
    return tables;
  };
  return {
    name: 'ocpplab-code-token-classes',
    baseStyles: ({ styleVariants }) => stylesheet(tablesOf(styleVariants), styleVariants),
    hooks: {
      postprocessRenderedBlock: ({ renderData, styleVariants, config }) => {
        for (const variant of styleVariants) {
          const expected = themeSelector(variant);
          const select = config.themeCssSelector;
          const actual = select === false ? undefined : select(variant.theme, { styleVariants });
          if (actual !== expected)
            throw new Error(
              `ocpplab-code-token-classes: theme "${variant.theme.name}" is selected by ${String(actual)}, ` +
                `but the token classes assume ${expected} (Starlight's dark mode switch)`,
            );
        }
        const variantTables = tablesOf(styleVariants);
        for (const line of findAll(renderData.blockAst, (node) => hasClass(node, 'code'))) {
          rewrite(line, variantTables, new Set());
          joinNeighbours(line);
        }
      },
    },
  };
}

/** One theme's classes: a class per colour it gives tokens, and its italic and bold classes. */
interface VariantTable {
  italic: string;
  bold: string;
  /** Upper-case colour → class. */
  colours: Map<string, string>;
  /** The code's own foreground colour (upper case): a token in it needs no class. */
  foreground: string;
}

function variantTable(variant: StyleVariant, index: number): VariantTable {
  const colours = new Map<string, string>();
  const add = (colour: string | undefined) => {
    if (colour === undefined || !colour.startsWith('#')) return;
    const key = colour.toUpperCase();
    if (!colours.has(key)) colours.set(key, className(index, colours.size));
  };
  add(variant.theme.fg);
  for (const setting of variant.theme.settings) add(setting.settings?.foreground);
  const foreground = (variant.resolvedStyleSettings.get('codeForeground') ?? variant.theme.fg).toUpperCase();
  return { italic: `it${index}`, bold: `bo${index}`, colours, foreground };
}

/**
 * The name of a theme's colour class, as short as it can be: one letter for the first 26
 * colours, upper case for the first theme (`A`, `B`, … `A1`), lower case for the second; `t2c5`
 * beyond.
 */
function className(variantIndex: number, colourIndex: number): string {
  if (variantIndex > 1) return `t${variantIndex}c${colourIndex}`;
  const letter = String.fromCharCode((variantIndex === 0 ? 65 : 97) + (colourIndex % 26));
  return colourIndex < 26 ? letter : `${letter}${Math.floor(colourIndex / 26)}`;
}

/** Starlight's selector for a theme of its dark mode switch. */
function themeSelector(variant: StyleVariant): string {
  return `[data-theme='${variant.theme.type}']`;
}

/**
 * The rules of every class, each theme's under its own selector: the first theme's apply unless
 * the page is in another theme, so a token's class of one theme never colours it in another.
 */
function stylesheet(tables: VariantTable[], styleVariants: StyleVariant[]): string {
  const selectors = styleVariants.map(themeSelector);
  const rules: string[] = [];
  tables.forEach((table, index) => {
    const root =
      index === 0
        ? `:root${selectors
            .slice(1)
            .map((selector) => `:not(${selector})`)
            .join('')}`
        : `:root${selectors[index]}`;
    const scope = `${root} & .ec-line`;
    for (const [colour, name] of table.colours) rules.push(`${scope} .${name}{color:${colour}}`);
    rules.push(`${scope} .${table.italic}{font-style:italic}`, `${scope} .${table.bold}{font-weight:bold}`);
  });
  return rules.join('\n');
}

/** The declarations of an Expressive Code token style, `--0:#C792EA;--1fs:italic`. */
const TOKEN_STYLE = /^--(\d+)(fs|fw)?$/;

/**
 * The classes standing for a token's inline style, or undefined when a declaration has none.
 * `declared` collects the themes whose colour the style sets (for the tokens nested in it).
 */
function classesOf(
  style: string,
  tables: VariantTable[],
  inherited: ReadonlySet<number>,
  declared: Set<number>,
): string[] | undefined {
  const classes: string[] = [];
  for (const declaration of style.split(';')) {
    if (declaration.trim() === '') continue;
    const colon = declaration.indexOf(':');
    const match = TOKEN_STYLE.exec(declaration.slice(0, colon).trim());
    const table = match === null ? undefined : tables[Number(match[1])];
    if (match === null || table === undefined) return undefined;
    const value = declaration.slice(colon + 1).trim();
    const variantIndex = Number(match[1]);
    if (match[2] === 'fs') {
      if (value !== 'italic') return undefined;
      classes.push(table.italic);
    } else if (match[2] === 'fw') {
      if (value !== 'bold') return undefined;
      classes.push(table.bold);
    } else {
      const colour = value.toUpperCase();
      declared.add(variantIndex);
      // The code's own colour needs no class, unless an enclosing token sets another one.
      if (colour === table.foreground && !inherited.has(variantIndex)) continue;
      const name = table.colours.get(colour);
      if (name === undefined) return undefined;
      classes.push(name);
    }
  }
  return classes;
}

/** Replaces the inline token styles below `parent` with classes, or with plain text. */
function rewrite(parent: Parents, tables: VariantTable[], inherited: ReadonlySet<number>): void {
  const children: ElementContent[] = [];
  for (const child of parent.children as ElementContent[]) {
    if (child.type !== 'element') {
      children.push(child);
      continue;
    }
    const style = child.properties.style;
    const isToken = child.tagName === 'span' && child.properties.className === undefined;
    if (!isToken || typeof style !== 'string' || !style.startsWith('--')) {
      rewrite(child, tables, inherited);
      children.push(child);
      continue;
    }
    const declared = new Set(inherited);
    const classes = classesOf(style, tables, inherited, declared);
    rewrite(child, tables, declared);
    if (classes === undefined) {
      children.push(child);
      continue;
    }
    delete child.properties.style;
    const blank = child.children.every((node) => node.type === 'text' && node.value.trim() === '');
    if (classes.length === 0 || blank) children.push(...child.children);
    else {
      child.properties.className = classes;
      madeTokens.add(child);
      children.push(child);
    }
  }
  parent.children = children;
  joinText(parent);
}

/** The token spans whose inline style this plugin replaced with classes. */
const madeTokens = new WeakSet<Element>();

/** Joins neighbouring text nodes. */
function joinText(parent: Parents): void {
  const children: ElementContent[] = [];
  for (const child of parent.children as ElementContent[]) {
    const last = children.at(-1);
    if (child.type === 'text' && last?.type === 'text') last.value += child.value;
    else children.push(child);
  }
  parent.children = children;
}

const classKey = (node: ElementContent | undefined): string | undefined =>
  node?.type === 'element' && node.tagName === 'span' && node.properties.style === undefined
    ? tokenClassKey(node)
    : undefined;

function tokenClassKey(node: Element): string | undefined {
  const names = node.properties.className;
  // Only the spans this plugin made, with nothing but their classes.
  if (!madeTokens.has(node) || !Array.isArray(names) || Object.keys(node.properties).length !== 1)
    return undefined;
  return names.join(' ');
}

/**
 * Joins neighbouring tokens of the same classes, with the whitespace between them (colour and
 * font style do not show on blanks): `<span class="a3">a</span> <span class="a3">b</span>`
 * becomes `<span class="a3">a b</span>`.
 */
function joinNeighbours(parent: Parents): void {
  const children: ElementContent[] = [];
  const source = parent.children as ElementContent[];
  for (let index = 0; index < source.length; index++) {
    const child = source[index] as ElementContent;
    const key = classKey(child);
    const last = children.at(-1);
    if (key !== undefined && last?.type === 'element' && classKey(last) === key) {
      last.children.push(...(child as Element).children);
      continue;
    }
    // Whitespace between two tokens of the same classes goes into the first of them.
    const next = source[index + 1];
    if (
      child.type === 'text' &&
      child.value.trim() === '' &&
      last?.type === 'element' &&
      classKey(last) !== undefined &&
      classKey(last) === classKey(next)
    ) {
      last.children.push(child);
      continue;
    }
    if (child.type === 'element') joinNeighbours(child);
    children.push(child);
  }
  parent.children = children;
  for (const child of children) if (child.type === 'element') joinText(child);
}

function hasClass(node: Element, name: string): boolean {
  const names = node.properties.className;
  return Array.isArray(names) && names.includes(name);
}

function findAll(root: Parents, test: (node: Element) => boolean): Element[] {
  const found: Element[] = [];
  const visit = (node: Parents) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (test(child)) found.push(child);
      else visit(child);
    }
  };
  visit(root);
  return found;
}
