import { and, eq, lt } from "drizzle-orm";
import { apiRequests, type ApiOperation } from "@/db/schema";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { DAY_MS } from "./clock";
import type { Actor } from "./permissions";

/** A create's MS-RequestId: "If there's a timeout, the retry call should include the same value". */
export interface RequestKey {
  requestId: string;
  operation: ApiOperation;
  /** What the request acts on: the customer for creates, the cart for checkout. */
  targetId: string;
}

/** The key of a request that sent an MS-RequestId (none without one: nothing to replay). */
export function requestKey(requestId: string | undefined, operation: ApiOperation, targetId: string): RequestKey | undefined {
  return requestId ? { requestId, operation, targetId } : undefined;
}

/** Request ids are kept two days by the partner's clock: a retry within a day always finds its first answer. */
export const REQUEST_ID_RETENTION_MS = 2 * DAY_MS;

/**
 * What a previous request with this id created, or null. Runs in the caller's write transaction, so a
 * retry racing its first attempt waits and then finds it. The same id for another operation or target
 * is another request, not a retry: refused (`request:id_reused`) rather than answered with something else.
 */
export function priorResult(tx: Db, actor: Actor, key: RequestKey | undefined): string | null {
  if (!key) return null;
  const row = tx
    .select()
    .from(apiRequests)
    .where(and(eq(apiRequests.partnerId, actor.partnerId), eq(apiRequests.requestId, key.requestId)))
    .get();
  if (!row) return null;
  if (row.operation !== key.operation || row.targetId !== key.targetId) throw new DomainError("request:id_reused");
  return row.resultId;
}

/** Remembers what a request created, and forgets the partner's request ids past their retention. */
export function recordResult(tx: Db, actor: Actor, key: RequestKey | undefined, resultId: string, now: Date): void {
  if (!key) return;
  tx.delete(apiRequests)
    .where(and(eq(apiRequests.partnerId, actor.partnerId), lt(apiRequests.createdAt, new Date(now.getTime() - REQUEST_ID_RETENTION_MS))))
    .run();
  tx.insert(apiRequests).values({ partnerId: actor.partnerId, requestId: key.requestId, operation: key.operation, targetId: key.targetId, resultId, createdAt: now }).run();
}

/**
 * A create answered once per MS-RequestId (call in the write transaction): a retry gets `replay` of
 * what the first call made; otherwise `create` runs and what it made is remembered for retries.
 */
export function onceForRequest<T>(
  tx: Db,
  actor: Actor,
  key: RequestKey | undefined,
  now: Date,
  run: { replay: (resultId: string) => T; create: () => { resultId: string; result: T } },
): { result: T; created: boolean } {
  const prior = priorResult(tx, actor, key);
  if (prior) return { result: run.replay(prior), created: false };
  const { resultId, result } = run.create();
  recordResult(tx, actor, key, resultId, now);
  return { result, created: true };
}
