import { getTableColumns, Placeholder, sql, type Column, type SQL } from "drizzle-orm";
import type { SQLiteDialect, SQLiteTable } from "drizzle-orm/sqlite-core";
import type Database from "better-sqlite3";
import type { Db } from "./client";

/** The better-sqlite3 connection behind a handle; a transaction shares its database's. */
function connectionOf(db: Db): object {
  return (db as unknown as { session: { client: object } }).session.client;
}

/** Whether the handle's connection is inside a transaction (whose writes may yet roll back). */
export function inTransaction(db: Db): boolean {
  return (connectionOf(db) as Database.Database).inTransaction;
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

/**
 * A statement drizzle's builder can't express (a recursive CTE), written with its `sql` template and
 * `sql.placeholder` values, prepared once per connection like `preparedQuery`.
 */
export function preparedSql<Row>(query: SQL) {
  return preparedQuery((db) => {
    const { sql: text, params } = (db as unknown as { dialect: SQLiteDialect }).dialect.sqlToQuery(query);
    const statement = (connectionOf(db) as Database.Database).prepare(text);
    return { all: (values: Record<string, unknown>) => statement.all(...params.map((p) => (p instanceof Placeholder ? values[p.name] : p))) as Row[] };
  });
}

/**
 * An INSERT of the given columns, prepared once per connection: one statement serves every row.
 * Values are mapped by their column here (Dates, booleans, JSON), nulls passed as they are: drizzle
 * maps a placeholder's value through its column even when it is null, and a null Date then throws.
 * Columns left out take their defaults.
 */
export function preparedInsert<T extends SQLiteTable, K extends keyof T["$inferInsert"] & string>(table: T, columns: readonly K[]) {
  const byName = getTableColumns(table) as Record<string, Column>;
  const values = () => Object.fromEntries(columns.map((column) => [column, sql`${sql.placeholder(column)}`])) as T["$inferInsert"];
  const encode = (row: Pick<T["$inferInsert"], K>) =>
    Object.fromEntries(
      columns.map((column) => {
        const value = (row as Record<string, unknown>)[column];
        return [column, value === null || value === undefined ? null : byName[column].mapToDriverValue(value)];
      }),
    );
  const plain = preparedQuery((db) => db.insert(table).values(values()).prepare());
  const returning = preparedQuery((db) => db.insert(table).values(values()).returning().prepare());
  return {
    run: (db: Db, row: Pick<T["$inferInsert"], K>) => plain(db).run(encode(row)),
    returning: (db: Db, row: Pick<T["$inferInsert"], K>) => returning(db).get(encode(row)) as T["$inferSelect"],
  };
}
