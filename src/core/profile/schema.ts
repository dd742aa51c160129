import { z } from "zod";

const year = z.number().int().min(1989).max(2100);
const share = z.number().min(0).max(1);

/**
 * A profile file: any part of Profile may be given (deep partial), unknown keys are rejected so that a
 * typo ("notaion") is reported instead of silently ignored.
 */
export const profileOverrideSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().min(1).max(100).optional(),
    name: z
      .object({ ja: z.string().min(1).optional(), en: z.string().min(1).optional() })
      .strict()
      .optional(),
    evaluationYear: year.optional(),
    periodStartYear: year.optional(),
    notation: z.enum(["circle", "numbered"]).optional(),
    outcomeOverallRule: z.enum(["strict", "majority"]).optional(),
    strategyProgressRule: z.enum(["achieved", "executed"]).optional(),
    header: z
      .object({
        minConfidence: share.optional(),
        weakConfidence: share.optional(),
        searchRows: z.number().int().min(1).max(10000).optional(),
      })
      .strict()
      .optional(),
    defaultEra: z.enum(["heisei", "reiwa"]).optional(),
    maxCellLength: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict();

/** What a profile file may hold (after schema validation). */
export type ProfileOverride = z.infer<typeof profileOverrideSchema>;
