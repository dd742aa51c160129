/**
 * Base of every proxy: queued loads, strict property access, null objects, and the served library's
 * members.
 *
 * - Reading a property that was not `load`ed and synced THROWS PropertyNotLoaded, as Office.js does
 *   (office-addin-mock returns a string there instead, which would let a missing load pass a test).
 * - `isNullObject` is known after the sync the object was created in ("Using the application-specific API
 *   model", https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model: "Office
 *   automatically loads this property when context.sync is called").
 * - A method called on a null object yields a null object (undocumented; `strictNullChains` on the context
 *   makes it fail instead).
 * - A member the served office.js does not define is `undefined` on the object, as in the add-in: calling
 *   it throws a TypeError, reading it gives undefined (see served.ts).
 */
import type { FakeContext } from "./context";
import { bytesOf } from "./bytes";
import { FakeRichApiError, PropertyNotLoadedError } from "./errors";

export type Resolver<T> = () => T | null;

export abstract class FakeObject<T> {
  /** the Office.js class this fakes ("Range", "Workbook" …) */
  static officeClass = "";
  /** the API members this class models, checked against the served library */
  static members: ReadonlyArray<string> = [];

  private readonly loadedProps = new Map<string, unknown>();
  private nullState: boolean | null = null;

  constructor(
    protected readonly ctx: FakeContext,
    /** @internal */ readonly resolver: Resolver<T>,
  ) {
    ctx.track(this as FakeObject<unknown>);
    const cls = this.constructor as typeof FakeObject;
    for (const m of cls.members)
      if (!ctx.hasMember(cls.officeClass, m))
        Object.defineProperty(this, m, { value: undefined, configurable: true, enumerable: false });
  }

  get context(): FakeContext {
    return this.ctx;
  }

  get isNullObject(): boolean {
    if (this.nullState === null)
      throw new PropertyNotLoadedError(`${this.constructor.name}.isNullObject (no sync yet)`);
    return this.nullState;
  }

  /** @internal called at the end of the sync the object was created in */
  settle(): void {
    if (this.nullState !== null) return;
    try {
      this.nullState = this.resolver() === null;
    } catch {
      this.nullState = true;
    }
  }

  /** @internal a sync refused its response: nothing loaded in it arrives */
  discard(): void {
    this.loadedProps.clear();
  }

  load(spec?: string | string[]): this {
    if (spec === undefined)
      throw new Error("load() without property names loads everything: name the properties");
    const paths = (Array.isArray(spec) ? spec : spec.split(",")).map((p) => p.trim()).filter((p) => p !== "");
    this.ctx.enqueue({
      bytes: bytesOf(paths) + 40,
      mutates: false,
      run: () => paths.forEach((p) => this.loadPath(p.split("/"))),
    });
    return this;
  }

  /** @internal */
  loadPath(path: string[]): void {
    const target = this.resolver();
    this.nullState = target === null;
    if (target === null) return;
    const [head, ...rest] = path;
    if (head === undefined) return;
    if (rest.length > 0) {
      const child = this.navigate(head);
      if (!child) throw new Error(`${this.constructor.name} has no navigation ${head}`);
      child.loadPath(rest);
      return;
    }
    const v = this.read(target, head);
    this.loadedProps.set(head, v);
    this.ctx.countResponse(this as FakeObject<unknown>, v);
  }

  /** @internal used by collections to hand loaded items over */
  setLoaded(name: string, v: unknown): void {
    this.loadedProps.set(name, v);
  }

  protected prop<V>(name: string): V {
    if (!this.loadedProps.has(name)) throw new PropertyNotLoadedError(`${this.constructor.name}.${name}`);
    return this.loadedProps.get(name) as V;
  }

  protected set(name: string, value: unknown, apply: (target: T) => void, mutates = true): void {
    this.ctx.enqueue({
      bytes: bytesOf({ [name]: value }) + 40,
      mutates,
      run: () => {
        const t = this.resolver();
        if (t === null) throw new FakeRichApiError("ItemNotFound", `${name} set on a null object`);
        apply(t);
      },
    });
  }

  protected call(name: string, args: unknown, mutates: boolean, apply: (target: T) => void): void {
    this.ctx.enqueue({
      bytes: bytesOf({ [name]: args }) + 40,
      mutates,
      run: () => {
        const t = this.resolver();
        if (t === null) throw new FakeRichApiError("ItemNotFound", `${name} called on a null object`);
        apply(t);
      },
    });
  }

  protected navigate(name: string): FakeObject<unknown> | null {
    void name;
    return null;
  }

  protected abstract read(target: T, name: string): unknown;
}
