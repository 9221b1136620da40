/**
 * The "Try it" console of an operation page, built in the side panel when the reader opens it:
 * target, credentials, parameters and body prefilled from the page's examples, a check against
 * the contract before sending, the response, and the request as a curl command. The request
 * goes from the browser straight to the chosen target; secrets stay in sessionStorage.
 */
import type { TryItScheme, TryItSpec } from '../../model/try-it.ts';
import {
  type BuiltRequest,
  buildRequest,
  type Check,
  type Credentials,
  cookieNames,
  curlCommand,
  defaultInputs,
  type InputProblem,
  type Inputs,
  inputProblems,
} from './request.ts';

/** Where secrets live: the tab's sessionStorage, gone when the tab closes. Never localStorage. */
const SECRET_PREFIX = 'ocpplab-try-it:';
const TIMEOUT_MS = 30_000;
/** Longest response body shown; the rest is cut, with a note. */
const MAX_SHOWN = 200_000;

interface Target {
  label: string;
  url: string;
  mock: boolean;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function storedSecret(key: string): string {
  try {
    return sessionStorage.getItem(SECRET_PREFIX + key) ?? '';
  } catch {
    return '';
  }
}

function storeSecret(key: string, value: string): void {
  try {
    if (value === '') sessionStorage.removeItem(SECRET_PREFIX + key);
    else sessionStorage.setItem(SECRET_PREFIX + key, value);
  } catch {
    // Storage refused (private mode): the secret lives in the input only.
  }
}

/** The mock of this site, if the server runs one (`npm start`), or the one the build names. */
async function findMock(configured: string): Promise<Target | undefined> {
  if (configured !== '')
    return { label: 'Mock of the contract', url: configured.replace(/\/+$/, ''), mock: true };
  try {
    const answer = await fetch('/_ocpplab/mock.json', { headers: { Accept: 'application/json' } });
    if (!answer.ok) return undefined;
    const status = (await answer.json()) as { url?: string; state?: string };
    if (typeof status.url !== 'string' || status.state === 'failed') return undefined;
    return { label: 'Mock of the contract (this site)', url: `${location.origin}${status.url}`, mock: true };
  } catch {
    return undefined;
  }
}

async function makeCheck(spec: TryItSpec): Promise<Check> {
  const { contractValidator } = await import('../../model/validator.ts');
  const validatorFor = contractValidator(spec.document, spec.dialect);
  return (pointer, value) => {
    const validate = validatorFor(pointer);
    validate(value);
    return (validate.errors ?? []) as ReturnType<Check>;
  };
}

const schemeLabel = (scheme: TryItScheme) =>
  scheme.kind === 'bearer'
    ? 'Bearer token'
    : scheme.kind === 'basic'
      ? 'Password'
      : `API key (${scheme.in} ${scheme.name ?? ''})`;

/**
 * The request's problems as the mock reports them (Prism's `sl-violations` header: a JSON list of
 * `{ location, message }`), so a reader sees why a call was refused, not only the example error.
 */
function mockViolations(header: string | null): HTMLElement[] {
  if (header === null) return [];
  let violations: { location?: unknown; message?: unknown }[];
  try {
    const parsed: unknown = JSON.parse(header);
    violations = Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
  if (violations.length === 0) return [];
  return [
    element(
      'div',
      { class: 'ref-try-failure ref-try-violations', role: 'alert' },
      element('p', {}, 'The mock found the request breaks the contract:'),
      element(
        'ul',
        {},
        ...violations.map((violation) =>
          element(
            'li',
            {},
            element('code', {}, Array.isArray(violation.location) ? violation.location.join('.') : 'request'),
            ` ${typeof violation.message === 'string' ? violation.message : 'is invalid'}`,
          ),
        ),
      ),
    ),
  ];
}

/** Builds the console inside `root` and wires it; `root` carries the spec URL and options. */
export async function mountConsole(root: HTMLElement): Promise<void> {
  const specUrl = root.dataset.spec ?? '';
  const tokenEnv = root.dataset.tokenEnv ?? 'TOKEN';
  const status = element('p', { class: 'ref-try-note', role: 'status' }, 'Loading the request…');
  root.replaceChildren(status);
  let spec: TryItSpec;
  try {
    const answer = await fetch(specUrl);
    if (!answer.ok) throw new Error(`${answer.status}`);
    spec = (await answer.json()) as TryItSpec;
  } catch {
    status.textContent = `The console could not load ${specUrl}. Reload the page to try again.`;
    return;
  }
  let mock: Target | undefined;
  let check: Check;
  try {
    [mock, check] = await Promise.all([findMock(root.dataset.mock ?? ''), makeCheck(spec)]);
  } catch {
    // The checker is a script of its own, loaded now: a dropped connection must not leave "Loading…".
    status.textContent = 'The console could not load its request checker. Reload the page to try again.';
    return;
  }
  const targets: Target[] = [
    ...(mock === undefined ? [] : [mock]),
    ...spec.servers.map((server) => ({
      label: server.description === undefined ? server.url : `${server.description}: ${server.url}`,
      url: server.url,
      mock: false,
    })),
  ];
  const uid = `try-${Math.random().toString(36).slice(2, 8)}`;
  const form = element('form', { class: 'ref-try-form', novalidate: '' });

  // Target.
  const targetSelect = element('select', { id: `${uid}-target` });
  targets.forEach((target, index) => {
    targetSelect.append(element('option', { value: String(index) }, target.label));
  });
  const targetNote = element('p', { class: 'ref-try-hint', id: `${uid}-target-hint` });
  form.append(
    element(
      'div',
      { class: 'ref-try-field' },
      element('label', { for: targetSelect.id }, 'Send to'),
      targetSelect,
      targetNote,
    ),
  );
  if (targets.length === 0) {
    targetSelect.disabled = true;
    targetNote.textContent =
      'The contract names no server and this site runs no mock: copy the curl command below instead.';
  }

  // Credentials: the first alternative that needs any (operations list their alternatives).
  const schemes = spec.security.find((alternative) => alternative.length > 0) ?? [];
  const secretInputs = new Map<string, { secret: HTMLInputElement; user?: HTMLInputElement }>();
  if (schemes.length > 0) {
    const fieldset = element('fieldset', { class: 'ref-try-group' }, element('legend', {}, 'Authentication'));
    for (const scheme of schemes) {
      const inputs: { secret: HTMLInputElement; user?: HTMLInputElement } = {
        secret: element('input', {
          id: `${uid}-secret-${scheme.key}`,
          type: 'password',
          autocomplete: 'off',
          spellcheck: 'false',
        }),
      };
      if (scheme.kind === 'basic') {
        inputs.user = element('input', {
          id: `${uid}-user-${scheme.key}`,
          type: 'text',
          autocomplete: 'off',
        });
        inputs.user.value = storedSecret(`${scheme.key}:user`);
        fieldset.append(
          element(
            'div',
            { class: 'ref-try-field' },
            element('label', { for: inputs.user.id }, 'User name'),
            inputs.user,
          ),
        );
      }
      inputs.secret.value = storedSecret(scheme.key);
      fieldset.append(
        element(
          'div',
          { class: 'ref-try-field' },
          element('label', { for: inputs.secret.id }, schemeLabel(scheme)),
          inputs.secret,
        ),
      );
      secretInputs.set(scheme.key, inputs);
    }
    const forget = element('button', { type: 'button', class: 'ref-try-secondary' }, 'Forget credentials');
    forget.addEventListener('click', () => {
      for (const [key, inputs] of secretInputs) {
        inputs.secret.value = '';
        if (inputs.user !== undefined) inputs.user.value = '';
        storeSecret(key, '');
        storeSecret(`${key}:user`, '');
      }
      refresh();
    });
    fieldset.append(
      element(
        'p',
        { class: 'ref-try-hint' },
        'Kept in this tab only (sessionStorage) and sent only to the target above. ',
        forget,
      ),
    );
    form.append(fieldset);
  }

  // Parameters.
  const defaults = defaultInputs(spec);
  const parameterInputs = new Map<string, HTMLInputElement>();
  const problemSlots = new Map<string, HTMLElement>();
  if (spec.parameters.length > 0) {
    const fieldset = element('fieldset', { class: 'ref-try-group' }, element('legend', {}, 'Parameters'));
    for (const parameter of spec.parameters) {
      const id = `${uid}-${parameter.anchor}`;
      const input = element('input', { id, type: 'text', autocomplete: 'off', spellcheck: 'false' });
      input.value = defaults.parameters[parameter.anchor] ?? '';
      if (parameter.required) input.required = true;
      const slot = element('p', { class: 'ref-try-problem', id: `${id}-problem` });
      input.setAttribute('aria-describedby', slot.id);
      const label = element(
        'label',
        { for: id },
        element('code', {}, parameter.name),
        ` ${parameter.in}`,
        ...(parameter.required ? [element('span', { class: 'ref-try-required' }, ' required')] : []),
      );
      fieldset.append(
        element('div', { class: 'ref-try-field', 'data-field': parameter.anchor }, label, input, slot),
      );
      parameterInputs.set(parameter.anchor, input);
      problemSlots.set(parameter.anchor, slot);
    }
    form.append(fieldset);
  }

  // Body.
  let bodyInput: HTMLTextAreaElement | undefined;
  const bodyProblems = element('ul', { class: 'ref-try-problems', id: `${uid}-body-problems` });
  if (spec.body !== undefined) {
    bodyInput = element('textarea', {
      id: `${uid}-body`,
      rows: String(Math.min(18, Math.max(4, defaults.body.split('\n').length))),
      spellcheck: 'false',
      'aria-describedby': bodyProblems.id,
    });
    bodyInput.value = defaults.body;
    const reset = element('button', { type: 'button', class: 'ref-try-secondary' }, 'Reset to the example');
    reset.addEventListener('click', () => {
      if (bodyInput !== undefined) bodyInput.value = defaults.body;
      refresh();
    });
    form.append(
      element(
        'div',
        { class: 'ref-try-field', 'data-field': 'body' },
        element(
          'label',
          { for: bodyInput.id },
          'Body ',
          element('code', {}, spec.body.mediaType),
          ...(spec.body.required ? [element('span', { class: 'ref-try-required' }, ' required')] : []),
        ),
        bodyInput,
        bodyProblems,
        reset,
      ),
    );
  }

  // Cookies: fetch drops a Cookie header set by the page, so say it rather than send less silently.
  const cookies = cookieNames(spec, schemes);
  if (cookies.length > 0)
    form.append(
      element(
        'p',
        { class: 'ref-try-hint ref-try-cookies' },
        'A browser does not let a page set cookies on a request: ',
        ...cookies.flatMap((name, index) => [...(index === 0 ? [] : [', ']), element('code', {}, name)]),
        cookies.length === 1 ? ' is' : ' are',
        ' left out of the request sent from here. The curl command below sends ',
        cookies.length === 1 ? 'it.' : 'them.',
      ),
    );

  const send = element('button', { type: 'submit', class: 'ref-try-send' }, `Send ${spec.method}`);
  const sendAnyway = element(
    'button',
    { type: 'button', class: 'ref-try-secondary', hidden: '' },
    'Send anyway',
  );
  form.append(element('div', { class: 'ref-try-actions' }, send, sendAnyway));

  const result = element('div', { class: 'ref-try-result', 'aria-live': 'polite' });
  const curl = element('code', {});
  const copyCurl = element('button', { type: 'button', class: 'ref-try-secondary' }, 'Copy curl');
  copyCurl.addEventListener('click', () => {
    void navigator.clipboard?.writeText(curl.textContent ?? '').then(
      () => {
        copyCurl.textContent = 'Copied';
        setTimeout(() => {
          copyCurl.textContent = 'Copy curl';
        }, 1500);
      },
      () => undefined,
    );
  });
  const curlBlock = element(
    'div',
    { class: 'ref-try-curl' },
    element('p', { class: 'ref-try-label' }, 'The same request with curl ', copyCurl),
    element('pre', { class: 'ref-try-pre', tabindex: '0' }, curl),
  );
  root.replaceChildren(form, result, curlBlock);

  const inputs = (): Inputs => ({
    parameters: Object.fromEntries([...parameterInputs].map(([anchor, input]) => [anchor, input.value])),
    body: bodyInput?.value ?? '',
  });
  const credentials = (): Credentials =>
    Object.fromEntries(
      [...secretInputs].map(([key, given]) => [
        key,
        given.user === undefined
          ? { secret: given.secret.value }
          : { secret: given.secret.value, user: given.user.value },
      ]),
    );
  const target = (): Target | undefined => targets[Number(targetSelect.value)];
  const request = (): BuiltRequest =>
    buildRequest(spec, inputs(), target()?.url ?? '', schemes, credentials());

  function showProblems(problems: InputProblem[]): void {
    for (const [anchor, slot] of problemSlots) {
      const mine = problems.filter((problem) => problem.field === anchor);
      slot.textContent = mine.map((problem) => `${problem.field} ${problem.message}`).join('; ');
      parameterInputs.get(anchor)?.setAttribute('aria-invalid', String(mine.length > 0));
    }
    const forBody = problems.filter(
      (problem) => problem.field === 'body' || problem.field.startsWith('body.'),
    );
    bodyProblems.replaceChildren(
      ...forBody.map((problem) => {
        // Link the error to the field's description on the page when the page lists it.
        const anchor = document.getElementById(problem.field) === null ? undefined : problem.field;
        const name = element('code', {}, problem.field);
        return element(
          'li',
          {},
          anchor === undefined ? name : element('a', { href: `#${anchor}` }, name),
          ` ${problem.message}`,
        );
      }),
    );
    bodyInput?.setAttribute('aria-invalid', String(forBody.length > 0));
  }

  function refresh(): void {
    const chosen = target();
    targetNote.textContent =
      chosen === undefined
        ? targetNote.textContent
        : chosen.mock
          ? 'The mock answers from the contract and checks each request as the API would; it accepts any token.'
          : 'A real server: the request goes straight from this browser to it, with your credentials.';
    curl.textContent = curlCommand(request(), schemes, credentials(), tokenEnv);
  }

  async function sendRequest(): Promise<void> {
    const chosen = target();
    if (chosen === undefined) return;
    for (const [key, given] of secretInputs) {
      storeSecret(key, given.secret.value);
      if (given.user !== undefined) storeSecret(`${key}:user`, given.user.value);
    }
    const built = request();
    send.disabled = true;
    result.replaceChildren(element('p', { class: 'ref-try-note' }, `Sending ${built.method} ${built.url}…`));
    const started = performance.now();
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
    try {
      const { Cookie: _cookie, ...headers } = built.headers;
      const init: RequestInit = { method: built.method, headers, signal: abort.signal };
      if (built.body !== undefined) init.body = built.body;
      const answer = await fetch(built.url, init);
      const text = await answer.text();
      const elapsed = Math.round(performance.now() - started);
      showAnswer(answer, text, elapsed);
    } catch (error) {
      const timedOut = abort.signal.aborted;
      result.replaceChildren(
        element(
          'div',
          { class: 'ref-try-failure', role: 'alert' },
          element(
            'p',
            {},
            timedOut
              ? `No answer from ${chosen.url} within ${TIMEOUT_MS / 1000} s.`
              : `The browser could not read an answer from ${chosen.url}. Either the server cannot be reached, or it does not allow requests from this page (CORS).`,
          ),
          ...(timedOut || chosen.mock
            ? []
            : [
                element(
                  'p',
                  {},
                  'To accept requests from this page, the API must answer the preflight request with ',
                  element('code', {}, `Access-Control-Allow-Origin: ${location.origin}`),
                  ', ',
                  element('code', {}, `Access-Control-Allow-Methods: ${built.method}`),
                  ' and ',
                  element(
                    'code',
                    {},
                    `Access-Control-Allow-Headers: ${Object.keys(built.headers).join(', ').toLowerCase()}`,
                  ),
                  '. Until then, run the curl command below.',
                ),
              ]),
          ...(error instanceof Error && !timedOut
            ? [element('p', { class: 'ref-try-hint' }, error.message)]
            : []),
        ),
      );
    } finally {
      clearTimeout(timer);
      send.disabled = false;
    }
  }

  function showAnswer(answer: Response, text: string, elapsed: number): void {
    let shown = text;
    try {
      shown = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // Not JSON: shown as it came.
    }
    const cut = shown.length > MAX_SHOWN;
    if (cut) shown = shown.slice(0, MAX_SHOWN);
    const headers = [...answer.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
    result.replaceChildren(
      ...mockViolations(answer.headers.get('sl-violations')),
      element(
        'p',
        { class: 'ref-try-status', 'data-status': String(answer.status) },
        element('strong', {}, `${answer.status} ${answer.statusText}`.trim()),
        ` in ${elapsed} ms`,
      ),
      element(
        'details',
        { class: 'ref-try-headers' },
        element('summary', {}, 'Response headers'),
        element('pre', { class: 'ref-try-pre', tabindex: '0' }, element('code', {}, headers)),
      ),
      element(
        'pre',
        { class: 'ref-try-pre ref-try-body', tabindex: '0' },
        element('code', {}, shown === '' ? '(empty body)' : shown),
      ),
      ...(cut ? [element('p', { class: 'ref-try-hint' }, `Showing the first ${MAX_SHOWN} characters.`)] : []),
    );
  }

  form.addEventListener('input', () => {
    sendAnyway.hidden = true;
    refresh();
  });
  targetSelect.addEventListener('change', refresh);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const problems = inputProblems(spec, inputs(), check);
    showProblems(problems);
    if (problems.length > 0) {
      sendAnyway.hidden = false;
      result.replaceChildren(
        element(
          'p',
          { class: 'ref-try-failure', role: 'alert' },
          `Not sent: ${problems.length} problem${problems.length === 1 ? '' : 's'} against the contract, shown at the fields. Correct them, or send anyway to see how the API answers.`,
        ),
      );
      return;
    }
    sendAnyway.hidden = true;
    void sendRequest();
  });
  sendAnyway.addEventListener('click', () => {
    sendAnyway.hidden = true;
    void sendRequest();
  });
  refresh();
}
