/**
 * Syntax highlighting for the reference's code blocks (JSON examples, curl,
 * Python and TypeScript samples): a handful of token rules per language, emitted
 * as escaped HTML with one-letter classes that `src/styles/reference.css` colours.
 *
 * Why not Expressive Code/Shiki, which the guides use: TextMate grammars cost
 * ~10 ms per block, and an operation page has a dozen blocks; at 1,000
 * operations that alone would take minutes. These rules cover what generated
 * samples contain (strings, numbers, keywords, comments, variables), nothing more.
 */
import { escapeHtml } from './html.ts';

export type HighlightLang = 'json' | 'bash' | 'python' | 'ts' | 'text';

/**
 * One letter per kind, used as the class name: an operation page holds a few
 * hundred tokens, and `<span class="s">` keeps them cheap. Colours in reference.css.
 * s string, k key, n number, w keyword, l literal, c comment, v variable, f flag, u function.
 */
type TokenKind = 's' | 'k' | 'n' | 'w' | 'l' | 'c' | 'v' | 'f' | 'u';

interface Rule {
  kind: TokenKind;
  pattern: RegExp;
}

const STRING_DOUBLE = /"(?:[^"\\\n]|\\.)*"/;
const STRING_SINGLE = /'(?:[^'\\\n]|\\.)*'/;
const NUMBER = /-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b/;

const RULES: Record<Exclude<HighlightLang, 'text'>, Rule[]> = {
  json: [
    { kind: 'k', pattern: /"(?:[^"\\\n]|\\.)*"(?=\s*:)/ },
    { kind: 's', pattern: STRING_DOUBLE },
    { kind: 'n', pattern: NUMBER },
    { kind: 'l', pattern: /\b(?:true|false|null)\b/ },
  ],
  bash: [
    { kind: 'c', pattern: /(?<=^|\s)#[^\n]*/ },
    // Single quotes are literal in shell: one token, no variables inside.
    { kind: 's', pattern: /'[^']*'/ },
    { kind: 's', pattern: STRING_DOUBLE },
    { kind: 'v', pattern: /\$(?:\{[^}\n]*\}|[A-Za-z_][A-Za-z0-9_]*)/ },
    { kind: 'f', pattern: /(?<=\s)--?[A-Za-z][\w-]*/ },
    { kind: 'u', pattern: /^[A-Za-z_][\w-]*/ },
  ],
  python: [
    { kind: 'c', pattern: /#[^\n]*/ },
    { kind: 's', pattern: /[fFrRbB]?(?:"""[\s\S]*?"""|'''[\s\S]*?''')/ },
    { kind: 's', pattern: new RegExp(`[fFrRbB]?(?:${STRING_DOUBLE.source}|${STRING_SINGLE.source})`) },
    {
      kind: 'w',
      pattern:
        /\b(?:import|from|as|def|return|if|elif|else|for|while|in|not|and|or|is|with|try|except|finally|raise|class|lambda|pass|await|async)\b/,
    },
    { kind: 'l', pattern: /\b(?:None|True|False)\b/ },
    { kind: 'n', pattern: NUMBER },
    { kind: 'u', pattern: /\b[A-Za-z_]\w*(?=\()/ },
  ],
  ts: [
    { kind: 'c', pattern: /\/\/[^\n]*|\/\*[\s\S]*?\*\// },
    { kind: 's', pattern: /`(?:[^`\\]|\\.)*`/ },
    { kind: 's', pattern: STRING_DOUBLE },
    { kind: 's', pattern: STRING_SINGLE },
    {
      kind: 'w',
      pattern:
        /\b(?:import|from|type|const|let|var|await|async|if|else|throw|new|return|export|function|interface|for|of|in|typeof|as)\b/,
    },
    { kind: 'l', pattern: /\b(?:true|false|null|undefined)\b/ },
    { kind: 'n', pattern: NUMBER },
    { kind: 'u', pattern: /\b[A-Za-z_$][\w$]*(?=\s*[(<](?!\s*[=>]))/ },
  ],
};

interface Scanner {
  regex: RegExp;
  kinds: TokenKind[];
}

const scanners = new Map<HighlightLang, Scanner>();

function scanner(lang: Exclude<HighlightLang, 'text'>): Scanner {
  const known = scanners.get(lang);
  if (known !== undefined) return known;
  const rules = RULES[lang];
  const made: Scanner = {
    // One capture group per rule; the first rule that matches at a position wins.
    regex: new RegExp(rules.map((rule) => `(${rule.pattern.source})`).join('|'), 'gm'),
    kinds: rules.map((rule) => rule.kind),
  };
  scanners.set(lang, made);
  return made;
}

/** Highlighted, escaped HTML of `code`, to put inside `<pre><code>`. */
export function highlight(code: string, lang: HighlightLang): string {
  if (lang === 'text') return escapeHtml(code);
  const { regex, kinds } = scanner(lang);
  regex.lastIndex = 0;
  let html = '';
  let at = 0;
  for (let match = regex.exec(code); match !== null; match = regex.exec(code)) {
    if (match[0] === '') {
      regex.lastIndex += 1;
      continue;
    }
    const group = match.findIndex((value, index) => index > 0 && value !== undefined);
    const kind = kinds[group - 1];
    html += escapeHtml(code.slice(at, match.index));
    html += kind === undefined ? escapeHtml(match[0]) : `<span class=${kind}>${escapeHtml(match[0])}</span>`;
    at = match.index + match[0].length;
  }
  return html + escapeHtml(code.slice(at));
}

/** The highlighter language of a code sample or media type. */
export function languageOf(lang: string): HighlightLang {
  if (lang === 'json' || /[/+]json\b/.test(lang)) return 'json';
  if (lang === 'bash' || lang === 'sh' || lang === 'shell') return 'bash';
  if (lang === 'python' || lang === 'py') return 'python';
  if (lang === 'ts' || lang === 'typescript' || lang === 'js' || lang === 'javascript') return 'ts';
  return 'text';
}
