// Which namespace a request belongs to, from the credentials it carries, and the namespaces a mock holds.
import type { MockCredentials } from '../rules.js';
import { createNamespace, type MockNamespaceState, type Validators } from './namespace.js';
import type { StatefulMockOptions } from './options.js';

/** The name of the namespace the mock's own credentials use; it keeps what a mock without namespaces did. */
export const DEFAULT_NAMESPACE = 'default';
/** A namespace's name: what follows `mock-` in its key. */
export const NAMESPACE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** The most namespaces a mock holds; past it, the one used longest ago is forgotten. */
export const MAX_NAMESPACES = 1000;

/** A namespace name the mock cannot take: the message says what a name may hold. */
export class NamespaceError extends Error {}

export function checkNamespaceName(name: unknown): string {
  if (typeof name !== 'string' || !(name === DEFAULT_NAMESPACE || NAMESPACE_NAME.test(name)))
    throw new NamespaceError(
      `namespace ${JSON.stringify(name)} is not a name: 1 to 64 letters, digits, '_', '.' or '-', starting with a ` +
        'letter or digit',
    );
  return name;
}

/** The name a `mock-<name>` key gives, unless it is the default key or names no namespace. */
function nameOfKey(key: string | undefined | null, defaultKey: string): string | undefined {
  if (!key || key === defaultKey || !key.startsWith('mock-')) return undefined;
  const name = key.slice('mock-'.length);
  return name !== DEFAULT_NAMESPACE && NAMESPACE_NAME.test(name) ? name : undefined;
}

/** The key id of a Basic header, or undefined: the secret is never read here. */
function basicKeyId(header: string | null): string | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 ? decoded.slice(0, colon) : undefined;
}

export class Namespaces {
  readonly default: MockNamespaceState;
  // A Map keeps insertion order: re-inserting on each use makes its first key the one used longest ago.
  private readonly named = new Map<string, MockNamespaceState>();

  constructor(
    private readonly options: StatefulMockOptions,
    private readonly credentials: MockCredentials,
    private readonly validators: Validators,
  ) {
    this.default = createNamespace(DEFAULT_NAMESPACE, options, credentials, validators);
  }

  /** The namespace of that name, made on first use; the credentials it accepts are `mock-<name>`. */
  get(name: string): MockNamespaceState {
    if (checkNamespaceName(name) === DEFAULT_NAMESPACE) return this.default;
    let ns = this.named.get(name);
    if (ns) this.named.delete(name);
    else {
      const credentials = {
        apiKey: `mock-${name}`,
        apiKeyId: `mock-${name}`,
        apiKeySecret: this.credentials.apiKeySecret,
      };
      ns = createNamespace(name, this.options, credentials, this.validators);
      if (this.named.size >= MAX_NAMESPACES) this.named.delete(this.named.keys().next().value!);
    }
    this.named.set(name, ns);
    return ns;
  }

  /** A Partoo request's namespace, from its `x-APIKey`; any other key is the default's (which answers 401). */
  forPartoo(request: Request): MockNamespaceState {
    const name = nameOfKey(request.headers.get('x-apikey'), this.credentials.apiKey);
    return name ? this.get(name) : this.default;
  }

  /** An Argyle request's namespace, from the key id of its Basic credentials. */
  forArgyle(request: Request): MockNamespaceState {
    const name = nameOfKey(basicKeyId(request.headers.get('authorization')), this.credentials.apiKeyId);
    return name ? this.get(name) : this.default;
  }

  /** every namespace in use, the default first */
  all(): MockNamespaceState[] {
    return [this.default, ...this.named.values()];
  }
}
