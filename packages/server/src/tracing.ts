// OpenTelemetry traces, exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set: a span
// per HTTP request (continuing the caller's trace from its traceparent header), per GraphQL
// phase (parse, validate, execute) and per SQL statement. Without an endpoint nothing is
// registered and every span below is a no-op.

import type { IncomingMessage, ServerResponse } from "node:http";
import { context, propagation, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import type { Plugin } from "graphql-yoga";

const tracer = () => trace.getTracer("citynet");

export interface Tracing {
  /** Sends what is buffered (tests, and shutdown). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** Registers the tracer provider, context manager and W3C propagator for this process. */
export function startTracing(options: { endpoint: string; serviceName: string }): Tracing {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": options.serviceName }),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/$/, "")}/v1/traces` }),
      }),
    ],
  });
  trace.setGlobalTracerProvider(provider);
  return { flush: () => provider.forceFlush(), shutdown: () => provider.shutdown() };
}

/** Runs `handle` inside the request's span, which continues the caller's trace if it sent one. */
export function traceRequest(req: IncomingMessage, res: ServerResponse, handle: () => Promise<void>): Promise<void> {
  const parent = propagation.extract(context.active(), req.headers);
  const path = (req.url ?? "/").split("?")[0];
  const span = tracer().startSpan(
    `${req.method} ${path}`,
    { kind: SpanKind.SERVER, attributes: { "http.request.method": req.method ?? "", "url.path": path } },
    parent,
  );
  res.once("finish", () => {
    span.setAttribute("http.response.status_code", res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return context.with(trace.setSpan(parent, span), handle);
}

/** Runs `run` in a child span of the active one, ended (and marked failed) when it settles. */
export async function inSpan<T>(name: string, attributes: Record<string, string>, run: () => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, async (span: Span) => {
    try {
      return await run();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Starts a child span of the active one; the function returned ends it (failed, given an error). */
export function startSpan(name: string, attributes: Record<string, string>): (error?: unknown) => void {
  const span = tracer().startSpan(name, { attributes });
  return (error) => {
    if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    span.end();
  };
}

/** Spans for yoga's phases: parse and validate, and execution (the active span for its SQL). */
export function useTracing(): Plugin {
  const phase = (name: string) => {
    const span = tracer().startSpan(name);
    return () => span.end();
  };
  return {
    onParse: () => phase("graphql.parse"),
    onValidate: () => phase("graphql.validate"),
    onExecute({ args, executeFn, setExecuteFn }) {
      const operation = args.operationName ?? "anonymous";
      setExecuteFn((executionArgs) =>
        inSpan("graphql.execute", { "graphql.operation.name": operation }, async () => executeFn(executionArgs)),
      );
    },
  };
}
