/**
 * A fake Excel host for Node tests: a context over a workbook model under one of the supported host
 * profiles, with the members the served office.js really defines for that host, and Excel.run's options.
 */
import { FakeContext } from "./context";
import type { WorkbookModel } from "./model";
import { PROFILES, PROFILE_NAMES, type ProfileName } from "./profiles";
import { servedMembers } from "./served";

export interface HostRunOptions {
  /** RunOptions.delayForCellEdit */
  readonly delayForCellEdit?: boolean;
  /**
   * the add-in serves an office.js refreshed from Microsoft's CDN (docs/deploy.md) instead of the npm
   * package: every modelled member exists, as the host's requirement sets say
   */
  readonly cdnOfficeJs?: boolean;
}

/** A context on this host, as Excel.run would hand it to a batch. */
export function fakeHost(model: WorkbookModel, profile: ProfileName, opts: HostRunOptions = {}): FakeContext {
  const p = PROFILES[profile];
  return new FakeContext(model, {
    profile: p,
    served: opts.cdnOfficeJs === true ? "all" : servedMembers(p.officeJsFile),
    ...(opts.delayForCellEdit !== undefined ? { delayForCellEdit: opts.delayForCellEdit } : {}),
  });
}

/** Excel.run on this host: a fresh context per batch, over the same workbook. */
export function fakeRun(model: WorkbookModel, profile: ProfileName) {
  return <T>(
    optionsOrBatch: HostRunOptions | ((c: FakeContext) => Promise<T>),
    maybeBatch?: (c: FakeContext) => Promise<T>,
  ): Promise<T> => {
    const batch = typeof optionsOrBatch === "function" ? optionsOrBatch : maybeBatch;
    const opts = typeof optionsOrBatch === "function" ? {} : optionsOrBatch;
    if (!batch) throw new Error("Excel.run needs a batch");
    return batch(fakeHost(model, profile, opts));
  };
}

/** Every supported host, for describe.each. */
export const HOSTS: ReadonlyArray<[ProfileName]> = PROFILE_NAMES.map((n) => [n]);
