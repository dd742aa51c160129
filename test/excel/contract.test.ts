/**
 * The shared adapter contract (test/contract) run against the Excel adapter over the strict fake Excel, under
 * every supported host profile. The fake is seeded from the fixture's .xlsx FILE by its own reading of the
 * cells (test/excel/fake/seed.ts: numbers with their formats, dates as serials, merges, protection), not from
 * the snapshots it is compared with; the read half checks what the adapter makes of Office.js's answers —
 * used-range origin, "" for empty, error texts, formula and merge maps, sheet flags — against the fixture's
 * model, and the write half its guard.
 */
import { CHANGE_LOG_SHEET } from "../../src/core/changelog";
import { applyWrites } from "../../src/excel/write";
import { readSnapshots } from "../../src/excel/read";
import { describeAdapterContract } from "../contract/adapter-contract";
import { FIXTURES, fixturePath, fixtureSnapshots } from "../helpers/fixtures";
import { asExcel, FakeContext, PROFILE_NAMES } from "./fake-excel";
import { fakeHost } from "./fake/host";
import { modelFromFile } from "./fake/seed";

// Under every supported host profile (its requirement sets, the served office.js's members, its limits).
for (const profile of PROFILE_NAMES)
  describeAdapterContract(
    `excel on ${profile} (Office.js over the strict fake)`,
    () => {
      let ctx: FakeContext | null = null;
      const context = (): FakeContext => {
        if (!ctx) throw new Error("open() first");
        return ctx;
      };
      return {
        open: async (fixture) => {
          ctx = fakeHost(await modelFromFile(fixturePath(fixture)), profile);
        },
        read: () => readSnapshots(asExcel(context()), { supports: context().supports }),
        apply: async (writes) => {
          const r = await applyWrites(asExcel(context()), writes, {
            supports: context().supports,
            applyId: "2026-01-01T00:00:00.000Z#1",
          });
          if (r.error) throw new Error(r.error.message.en);
          return {
            applied: r.written.map((e) => ({ sheet: e.sheet, cell: e.cell })),
            conflicts: r.conflicts,
          };
        },
        reread: () => readSnapshots(asExcel(context()), { supports: context().supports }),
      };
    },
    { fixtures: Object.keys(FIXTURES), expected: fixtureSnapshots, ignoreSheets: [CHANGE_LOG_SHEET] },
  );
