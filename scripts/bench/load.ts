// HTTP load with autocannon: one route at a time, Buy (cart + order) per client, and a read/write mix.
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";

export interface LoadOptions {
  baseUrl: string;
  cookie: string;
  clients: number;
  durationS: number;
  /** Seconds before a request counts as timed out (an error). */
  timeoutS: number;
  /**
   * Seconds of load on the same connections before the measured `durationS`: answers to requests sent
   * then count only as errors, never as latency or rate. A run's first requests wait in the server's
   * accept queue (under load Node accepts about one new connection per turn of its event loop, while
   * the connections it has keep being served): up to seconds for the last of 50, the same 40-odd
   * requests for every route, so 5% of a slow page's requests and 2% of the floor's.
   */
  warmUpS?: number;
}

export interface Measurement {
  requests: number;
  /** Completed requests (or orders) per second. */
  rps: number;
  p50: number;
  p95: number;
  /** Answers outside 2xx/3xx, connection errors and timeouts. */
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
}

const JSON_HEADERS = { "content-type": "application/json" };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

function summarise(latencies: number[], statuses: Record<string, number>, result: autocannon.Result, seconds: number, count = latencies.length): Measurement {
  const sorted = [...latencies].sort((a, b) => a - b);
  const bad = Object.entries(statuses).filter(([status]) => !/^[23]/.test(status)).reduce((n, [, c]) => n + c, 0);
  return { requests: count, rps: count / seconds, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), errors: bad + result.errors, timeouts: result.timeouts, statuses };
}

function run(options: autocannon.Options, onResponse: (client: autocannon.Client, status: number, time: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on("response", (client, status, _bytes, time) => onResponse(client, status, time));
  });
}

const base = (o: LoadOptions): autocannon.Options => ({
  url: o.baseUrl,
  connections: o.clients,
  duration: (o.warmUpS ?? 0) + o.durationS,
  timeout: o.timeoutS,
  headers: { cookie: o.cookie },
});

/** When the measured part of a run starts, and whether a request sent `latency` ms ago falls in it. */
function measuredWindow(o: LoadOptions) {
  const from = performance.now() + (o.warmUpS ?? 0) * 1000;
  return { from, counts: (latency: number) => performance.now() - latency >= from };
}

/** GETs one path from every client for the duration. */
export async function loadRoute(o: LoadOptions, path: string): Promise<Measurement> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const window = measuredWindow(o);
  const result = await run({ ...base(o), url: o.baseUrl + path }, (_client, status, time) => {
    if (window.counts(time)) latencies.push(time);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  return summarise(latencies, statuses, result, (performance.now() - window.from) / 1000);
}

/** The two requests of one Buy for one customer: Add to cart, then Buy with a fresh idempotency key. */
function buyRequests(customerId: string, offerId: string): autocannon.Request[] {
  return [
    { method: "POST", path: `/api/customers/${customerId}/cart`, headers: JSON_HEADERS, body: JSON.stringify({ offerId, quantity: 1, billingFrequency: "monthly" }) },
    { method: "POST", path: `/api/customers/${customerId}/orders`, headers: JSON_HEADERS, setupRequest: (request) => ({ ...request, body: JSON.stringify({ idempotencyKey: randomUUID() }) }) },
  ];
}

/**
 * Buy over HTTP: each client buys for its own customer, cart then order, again and again. The
 * latency is the pair's (what a user waits for from Add to cart to the confirmation); the rate is
 * orders per second.
 */
export async function loadBuy(o: LoadOptions, customerIds: string[], offerId: string): Promise<Measurement & { orders: number }> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const pending = new Map<autocannon.Client, number>();
  let next = 0;
  const window = measuredWindow(o);
  const result = await run(
    {
      ...base(o),
      setupClient: (client) => client.setRequests(buyRequests(customerIds[next++ % customerIds.length], offerId)),
    },
    (client, status, time) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      const cart = pending.get(client);
      if (cart === undefined) pending.set(client, time);
      else {
        pending.delete(client);
        if (status === 201 && window.counts(cart + time)) latencies.push(cart + time);
      }
    },
  );
  const seconds = (performance.now() - window.from) / 1000;
  return { ...summarise(latencies, statuses, result, seconds), orders: latencies.length };
}

/**
 * 90% reads spread over `readPaths`, 10% writes (each client alternates Add to cart and Buy for its
 * own customer). Reports every request; reads and writes separately too.
 */
export async function loadMix(o: LoadOptions, readPaths: string[], customerIds: string[], offerId: string): Promise<{ all: Measurement; reads: Measurement; writes: Measurement }> {
  const kinds = new Map<autocannon.Client, ("read" | "write")[]>();
  const latencies = { all: [] as number[], read: [] as number[], write: [] as number[] };
  const statuses = { all: {} as Record<string, number>, read: {} as Record<string, number>, write: {} as Record<string, number> };
  let next = 0;
  const started = performance.now();
  const result = await run(
    {
      ...base(o),
      setupClient: (client) => {
        const [cart, order] = buyRequests(customerIds[next++ % customerIds.length], offerId);
        const sent: ("read" | "write")[] = [];
        kinds.set(client, sent);
        let writes = 0;
        client.setRequests([
          {
            setupRequest: (request) => {
              if (Math.random() < 0.1) {
                sent.push("write");
                const write = writes++ % 2 === 0 ? cart : order;
                const body = write === order ? JSON.stringify({ idempotencyKey: randomUUID() }) : write.body;
                return { ...request, method: "POST", path: write.path, headers: { ...request.headers, ...JSON_HEADERS }, body };
              }
              sent.push("read");
              return { ...request, method: "GET", path: readPaths[Math.floor(Math.random() * readPaths.length)], body: undefined };
            },
          },
        ]);
        // A timed-out request gets no response: drop its kind so the next answer is matched right.
        (client as NodeJS.EventEmitter).on("timeout", () => sent.shift());
      },
    },
    (client, status, time) => {
      const kind = kinds.get(client)?.shift() ?? "read";
      for (const key of ["all", kind] as const) {
        latencies[key].push(time);
        statuses[key][status] = (statuses[key][status] ?? 0) + 1;
      }
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const none = { ...result, errors: 0, timeouts: 0 };
  return {
    all: summarise(latencies.all, statuses.all, result, seconds),
    reads: summarise(latencies.read, statuses.read, none, seconds),
    writes: summarise(latencies.write, statuses.write, none, seconds),
  };
}
