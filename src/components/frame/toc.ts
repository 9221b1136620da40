/**
 * Behaviour of the tables of contents (TableOfContents.astro, MobileTableOfContents.astro):
 * the link of the section being read gets `aria-current="true"`, as in Starlight. The section
 * being read is the last one whose heading has scrolled up to just below the fixed header
 * (and the mobile contents bar); before the first heading, it is the page title's.
 * The mobile one also names that section in its summary and closes its dropdown when a link
 * is followed, on a click elsewhere and on Escape.
 */

/** Room left below the header before a heading counts as reached, in pixels (Starlight's 2rem). */
const REACHED_MARGIN = 32;

class StarlightToc extends HTMLElement {
  #links: HTMLAnchorElement[] = [];
  #targets: HTMLElement[] = [];
  #current: HTMLAnchorElement | undefined;
  #pending = 0;

  connectedCallback(): void {
    for (const link of this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
      const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (target === null) continue;
      this.#links.push(link);
      this.#targets.push(target);
    }
    addEventListener('scroll', this.#schedule, { passive: true });
    addEventListener('resize', this.#schedule, { passive: true });
    this.#schedule();
  }

  disconnectedCallback(): void {
    removeEventListener('scroll', this.#schedule);
    removeEventListener('resize', this.#schedule);
  }

  /** One update per frame, however many scroll events come in. */
  #schedule = (): void => {
    if (this.#pending !== 0) return;
    this.#pending = requestAnimationFrame(() => {
      this.#pending = 0;
      this.#update();
    });
  };

  #update(): void {
    const reached =
      (document.querySelector('header')?.getBoundingClientRect().height ?? 0) +
      (this.querySelector('summary')?.getBoundingClientRect().height ?? 0) +
      REACHED_MARGIN;
    let index = 0;
    for (const [at, target] of this.#targets.entries()) {
      // A heading in a reference page's sticky side panel stays in view beside the others:
      // it is never scrolled past, so it never marks where the reader is.
      const panel = target.closest('.ref-panel');
      if (panel !== null && getComputedStyle(panel).position === 'sticky') continue;
      if (target.getBoundingClientRect().top > reached) break;
      index = at;
    }
    const link = this.#links[index];
    if (link !== undefined && link !== this.#current) this.current(link);
  }

  protected current(link: HTMLAnchorElement): void {
    this.#current?.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'true');
    this.#current = link;
  }
}

class MobileStarlightToc extends StarlightToc {
  override connectedCallback(): void {
    super.connectedCallback();
    const details = this.querySelector('details');
    if (details === null) return;
    const close = () => {
      details.open = false;
    };
    for (const link of details.querySelectorAll('a')) link.addEventListener('click', close);
    addEventListener('click', (event) => {
      if (!details.contains(event.target as Node)) close();
    });
    addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !details.open) return;
      const hadFocus = details.contains(document.activeElement);
      close();
      if (hadFocus) details.querySelector('summary')?.focus();
    });
  }

  protected override current(link: HTMLAnchorElement): void {
    super.current(link);
    const label = this.querySelector('.frame-toc-current');
    if (label !== null) label.textContent = link.textContent;
  }
}

customElements.define('starlight-toc', StarlightToc);
customElements.define('mobile-starlight-toc', MobileStarlightToc);
