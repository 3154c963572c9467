import type { Db } from "./client";

/** The better-sqlite3 connection behind a handle; a transaction shares its database's. */
function connectionOf(db: Db): object {
  return (db as unknown as { session: { client: object } }).session.client;
}

/**
 * A query built and prepared once per connection, run with placeholder values. Drizzle builds a
 * query's SQL from its parts on every call (about 50 µs, ten times what the index lookup itself
 * costs); the queries every request runs (session, actor, clock, lifecycle check) and the Buy path
 * are built once. A prepared query runs inside whatever transaction its connection is in.
 */
export function preparedQuery<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const byConnection = new WeakMap<object, Q>();
  return (db) => {
    const connection = connectionOf(db);
    let query = byConnection.get(connection);
    if (query === undefined) byConnection.set(connection, (query = build(db)));
    return query;
  };
}
