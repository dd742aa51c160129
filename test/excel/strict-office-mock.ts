import { OfficeMockObject } from "office-addin-mock";
import { PropertyNotLoadedError } from "./fake-excel";

// office-addin-mock answers an unloaded (or unsynced) property with one of these strings instead of throwing.
const NOT_LOADED = new Set(["Error, property was not loaded", "Error, context.sync() was not called"]);

/**
 * Wraps an office-addin-mock object so that reading a property that was not loaded and synced THROWS
 * PropertyNotLoaded (as Office.js does), instead of quietly returning office-addin-mock's error string.
 * `isNullObject` is readable after the first sync, as in Office.js. Objects returned by mock functions and
 * nested mocks are wrapped too.
 */
export function strictOfficeMock<T extends object>(root: OfficeMockObject): T & { syncCount: number } {
  let syncs = 0;
  const wrap = (target: object): object =>
    new Proxy(target, {
      get(obj, prop, receiver) {
        if (prop === "syncCount") return syncs;
        if (prop === "sync" && obj === root) {
          return async () => {
            syncs++;
            await root.sync();
          };
        }
        const value: unknown = Reflect.get(obj, prop, receiver);
        if (typeof value === "string" && NOT_LOADED.has(value)) {
          if (prop === "isNullObject" && syncs > 0) {
            // office-addin-mock keeps the value of a scalar property in its _properties map.
            const inner = (
              obj as unknown as { _properties: Map<string, { _valueBeforeLoaded: unknown }> }
            )._properties.get("isNullObject");
            return inner?._valueBeforeLoaded;
          }
          throw new PropertyNotLoadedError(`${String(prop)} (office-addin-mock)`);
        }
        if (typeof value === "function") {
          return (...args: unknown[]) => {
            const out: unknown = (value as (...a: unknown[]) => unknown).apply(obj, args);
            return out instanceof OfficeMockObject ? wrap(out) : out;
          };
        }
        return value instanceof OfficeMockObject ? wrap(value) : value;
      },
    });
  return wrap(root) as T & { syncCount: number };
}
