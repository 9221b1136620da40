import type { ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';
import type { Element, ElementContent, Root } from 'hast';

/**
 * An Expressive Code plugin that renders a plain code block (no line markers, no gutter, no
 * wrapping) with less markup, without changing what it shows or copies:
 *
 * - Its lines share one `.ec-line` row, separated by newlines inside the `<pre>`, instead of a
 *   `<div class="ec-line"><div class="code">` pair each (49 bytes a line). Line-level features
 *   (`{2-3}` markers, `ins`/`del`, line numbers, `wrap`) keep one row per line.
 * - The `<span class="indent">` around leading whitespace, styled only in wrapped blocks, goes.
 * - The copy button loses its `data-code` (a second copy of the whole code) when the code it
 *   copies is exactly the block's text; the script this plugin adds to Expressive Code's shared
 *   one fills it in from the block when the button is pressed, before Expressive Code's own copy
 *   handler reads it. Terminal blocks whose comments are left out of the copy keep theirs.
 */
export function codeBlockLines(): ExpressiveCodePlugin {
  return {
    name: 'ocpplab-code-block-lines',
    jsModules: [COPY_FROM_BLOCK],
    hooks: {
      postprocessRenderedBlock: ({ renderData }) => {
        const pre = find(renderData.blockAst, (node) => node.tagName === 'pre');
        const code = pre && find(pre, (node) => node.tagName === 'code');
        if (pre === undefined || code === undefined || classes(pre).includes('wrap')) return;
        const lines = code.children;
        const plain = lines.every(
          (line) =>
            line.type === 'element' &&
            sameClasses(line, ['ec-line']) &&
            line.children.length === 1 &&
            line.children[0]?.type === 'element' &&
            sameClasses(line.children[0], ['code']),
        );
        if (!plain || lines.length === 0) return;
        for (const line of lines) {
          const row = (line as Element).children[0] as Element;
          row.children = row.children.flatMap(unwrapIndent);
        }
        // The first line keeps its own row: Expressive Code leaves room at its end for the copy
        // button. The others share the second row, separated by newlines.
        if (lines.length > 2) {
          const joined: ElementContent[] = [];
          lines.slice(1).forEach((line, index) => {
            if (index > 0) joined.push({ type: 'text', value: '\n' });
            // An empty line is a lone newline, which keeps its row open; joined, it is just empty.
            const content = ((line as Element).children[0] as Element).children;
            const empty = content.length === 1 && content[0]?.type === 'text' && content[0].value === '\n';
            if (!empty) joined.push(...content);
            // A last empty line needs a newline of its own to show.
            else if (index === lines.length - 2) joined.push({ type: 'text', value: '\n' });
          });
          const second = lines[1] as Element;
          (second.children[0] as Element).children = joined;
          code.children = [lines[0] as ElementContent, second];
        }

        const button = find(renderData.blockAst, (node) => node.tagName === 'button');
        const copied = button?.properties.dataCode;
        if (
          button !== undefined &&
          typeof copied === 'string' &&
          copied.replace(/\x7f/g, '\n') === rowsText(code)
        )
          delete button.properties.dataCode;
      },
    },
  };
}

/**
 * Runs in the browser, in Expressive Code's shared script: a copy button without `data-code`
 * gets its block's text as it is pressed (capture phase, before the button's own listener).
 */
const COPY_FROM_BLOCK = `
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element && event.target.closest('.expressive-code .copy button');
  if (!button || button.dataset.code !== undefined) return;
  const rows = button.closest('figure')?.querySelectorAll('pre > code > .ec-line') ?? [];
  button.dataset.code = [...rows].map((row) => (row.textContent === '\\n' ? '' : row.textContent)).join('\\n');
}, true);
`;

function unwrapIndent(node: ElementContent): ElementContent[] {
  return node.type === 'element' && sameClasses(node, ['indent']) ? node.children : [node];
}

function classes(node: Element): unknown[] {
  const names = node.properties.className;
  return Array.isArray(names) ? names : [];
}

function sameClasses(node: Element, expected: string[]): boolean {
  const names = classes(node);
  return (
    names.length === expected.length &&
    names.every((name, index) => name === expected[index]) &&
    Object.keys(node.properties).length === 1
  );
}

/** The block's code as the browser script reads it: its rows, a lone newline being an empty row. */
function rowsText(code: Element): string {
  return code.children
    .map((row) => text(row))
    .map((row) => (row === '\n' ? '' : row))
    .join('\n');
}

function text(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(text).join('');
  return '';
}

function find(root: Root | Element, test: (node: Element) => boolean): Element | undefined {
  for (const child of root.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const found = find(child, test);
    if (found !== undefined) return found;
  }
  return undefined;
}
