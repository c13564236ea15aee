// Spans for each public operation, through the application's OpenTelemetry API (`@opentelemetry/api`, an optional
// peer) and whatever tracer provider it registered, as OpenTelemetry libraries do. Without the package nothing is
// loaded after one failed import, and each call pays a single check; with the API but no SDK, spans are no-ops.

/** The little of @opentelemetry/api used here, so its types never reach ours. */
interface SpanLike {
  setAttributes(attributes: Attributes): void;
  setStatus(status: { code: number; message?: string }): void;
  isRecording(): boolean;
  end(): void;
}
interface OtelLike {
  trace: {
    getTracer(
      name: string,
      version?: string,
    ): {
      startSpan(name: string, options: { kind: number; attributes: Attributes }): SpanLike;
    };
    getActiveSpan(): SpanLike | undefined;
    setSpan(context: unknown, span: SpanLike): unknown;
  };
  context: {
    active(): unknown;
    with<R>(context: unknown, fn: () => R): R;
  };
}
export type Attributes = Record<string, string | number | boolean>;

const SPAN_KIND_CLIENT = 2;
const STATUS_ERROR = 2;
// Not a literal in import(): a bundler leaves it alone, so a build without the package still builds.
const OTEL_API = '@opentelemetry/api';

let otel: OtelLike | null | undefined;
let loading: Promise<void> | undefined;

function load(): Promise<void> {
  return (loading ??= import(/* @vite-ignore */ OTEL_API).then(
    (m: { trace?: unknown; default?: { trace?: unknown } }) => void (otel = apiOf(m)),
    () => void (otel = null),
  ));
}

/** The API's namespace, whether the module came as ESM or through CommonJS interop (`default`); null if neither. */
function apiOf(m: { trace?: unknown; default?: { trace?: unknown } }): OtelLike | null {
  if (m.trace) return m as OtelLike;
  return m.default?.trace ? (m.default as OtelLike) : null;
}

/** Runs `work` inside a span named `name` (an error sets the span's status and `error.type`, never its message). */
export async function traced<T>(name: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  if (otel === undefined) await load();
  if (!otel) return work();
  const span = otel.trace.getTracer('partoo-argyle-sdk').startSpan(name, { kind: SPAN_KIND_CLIENT, attributes });
  // With the API but no SDK (or a sampler that drops it) the span records nothing: no context to carry it.
  if (!span.isRecording()) return work();
  const { context, trace } = otel;
  return context.with(trace.setSpan(context.active(), span), async () => {
    try {
      return await work();
    } catch (error) {
      // The class is enough to group failures by; a message may quote a server's body.
      span.setAttributes({ 'error.type': (error as Error)?.name ?? 'Error' });
      span.setStatus({ code: STATUS_ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * A child span of the operation running now, for one HTTP attempt (started on the caller's side, so it nests under
 * the operation's span); undefined without OpenTelemetry. `end` takes the attributes known once it is over.
 */
export function attemptSpan(
  name: string,
  attributes: Attributes,
  /** built only for a span that records: the API without an SDK makes no-op spans, once per HTTP attempt */
  more?: () => Attributes,
): ((end: Attributes, failed: boolean) => void) | undefined {
  if (!otel) return undefined;
  const span = otel.trace.getTracer('partoo-argyle-sdk').startSpan(name, { kind: SPAN_KIND_CLIENT, attributes });
  if (!span.isRecording()) return undefined;
  if (more) span.setAttributes(more());
  return (end, failed) => {
    span.setAttributes(end);
    if (failed) span.setStatus({ code: STATUS_ERROR });
    span.end();
  };
}

/** Whether spans are being made (the API is loaded): callers skip building attributes otherwise. */
export const tracing = (): boolean => Boolean(otel);

/** Adds attributes to the span of the operation running now, if there is one. */
export function annotate(attributes: Attributes): void {
  otel?.trace.getActiveSpan()?.setAttributes(attributes);
}
