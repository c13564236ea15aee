// The wrapper's own operations call the API through `.api`: the same call shape (`GET(path, { params })`,
// `POST(path, { body })`), typed from the generated `paths`, answering a Reply that `unwrap` turns into the typed
// body or a typed error.
import type { Client, FetchResponse, ParamsOption, QuerySerializerOptions, RequestBodyOption } from 'openapi-fetch';
import type { Reply } from './api-result.js';
import { systemRuntime } from './runtime.js';

export type { Reply };

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';
type PathsWith<P, M extends Method> = { [K in keyof P]: P[K] extends { [m in M]: object } ? K : never }[keyof P];
type Op<P, Path extends keyof P, M extends Method> = P[Path] extends { [m in M]: infer O } ? O : never;
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type Init<O> = ParamsOption<O> & RequestBodyOption<O> & { signal?: AbortSignal };
type Args<O> = RequiredKeys<Init<O>> extends never ? [init?: Init<O>] : [init: Init<O>];
/** The success body's type, as openapi-fetch's `data` would have it. */
type Data<O> = NonNullable<FetchResponse<O & Record<string | number, unknown>, object, 'application/json'>['data']>;

type Call<P, M extends Method> = <Path extends PathsWith<P, M>>(
  path: Path,
  ...init: Args<Op<P, Path, M>>
) => Promise<Reply<Data<Op<P, Path, M>>>>;

export interface Requests<P> {
  GET: Call<P, 'get'>;
  POST: Call<P, 'post'>;
  PUT: Call<P, 'put'>;
  PATCH: Call<P, 'patch'>;
  DELETE: Call<P, 'delete'>;
}

/** What the wrapper's own calls pin, whatever the client's openapi-fetch options say: they speak the spec's JSON. */
export interface Pinned {
  /** how the spec's arrays and objects go in a query */
  querySerializer: QuerySerializerOptions;
  /** the client's clock (its Runtime's `now`): each Reply says when it arrived */
  now?: () => number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one adapter serves every spec's paths
type AnyClient = Client<any>;

/**
 * The wrapper's calls, each one call of `.api` with the body read as text (unwrap parses it, typed on failure):
 * `.api`'s middleware sees them, and they take its one request path.
 */
export function createRequests<P>(api: AnyClient, { now = systemRuntime.now, ...pinned }: Pinned): Requests<P> {
  const method =
    (m: 'get' | 'post' | 'put' | 'patch' | 'delete') =>
    async (path: string, init?: object): Promise<Reply<unknown>> => {
      const options = { ...pinned, bodySerializer: JSON.stringify, ...init, parseAs: 'text' as const };
      const { data, error, response } = await api.request(m, path, options);
      return { response, text: typeof data === 'string' ? data : '', error, receivedAt: now() };
    };
  const requests = { GET: method('get'), POST: method('post'), PUT: method('put'), PATCH: method('patch') };
  return { ...requests, DELETE: method('delete') } as Requests<P>;
}
