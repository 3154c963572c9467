/**
 * A second server process for the concurrency test: opens the same SQLite file, says "ready", waits
 * for "go" on stdin, then presses Buy and prints the outcome as one JSON line.
 * Run as: node --import tsx tests/support/buy-worker.ts <db file> <user id> <customer id> <key> <now ISO>
 */
import readline from "node:readline";
import { openDatabase } from "@/db/client";
import { loadActor } from "@/lib/auth/actor";
import { isDomainError } from "@/lib/errors";
import { buy, fixedClock } from "@/lib/subscriptions";

const [file, userId, customerId, idempotencyKey, now] = process.argv.slice(2);
const db = openDatabase(file);
const actor = loadActor(db, userId);
if (!actor) throw new Error(`No user ${userId}`);

const input = readline.createInterface({ input: process.stdin });
process.stdout.write("ready\n");
input.once("line", () => {
  let result: { ok: true; orderId: string; created: boolean } | { ok: false; code: string };
  try {
    const { order, created } = buy(db, actor, fixedClock(now), { customerId, idempotencyKey });
    result = { ok: true, orderId: order.id, created };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    result = { ok: false, code: error.code };
  }
  db.$client.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  input.close();
});
