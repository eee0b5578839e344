import type { Db } from "@/server/db";

/**
 * A stand-in for the app's shared `db` that forwards every call to the client `target()` names at
 * the time, so a test file's mock of `@/server/db` can point server actions at its own database.
 */
export function delegatingDb(target: () => Db): Db {
  return new Proxy({} as Db, {
    get(_target, property) {
      const client = target();
      const value: unknown = Reflect.get(client, property);
      return typeof value === "function" ? value.bind(client) : value;
    },
  });
}
