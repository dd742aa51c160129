import type { AchievementNotation } from "../model/records";
import type { Profile } from "../profile/profile";
import { normalizeText } from "../text/normalize";
import type { Grid } from "./grid";
import type { HeaderBlock } from "./header";

const ACHIEVEMENT_WORDS = /目標達成|目標未達成|撤退基準未達成/u;
const NUMBERED = /[①②③]/u;
const CIRCLE = /[○×]/u;
const LONE_SYMBOL = /^\s*([①②③○×])\s*[:：]?\s*$/u;
const MAX_COLS = 256;

/**
 * The achievement notation the header's legend shows: "numbered" when ①②③ stand before 目標達成 …,
 * "circle" for ○/×; without a readable legend (marks lost, check boxes only) the profile's notation.
 */
export function detectNotation(
  grid: Grid,
  block: HeaderBlock | null,
  profile: Profile,
): { notation: AchievementNotation; notationSource: "legend" | "profile" } {
  if (block !== null) {
    let numbered = false;
    let circle = false;
    const cols = Math.min(grid.width, MAX_COLS);
    for (let r = block.top; r <= block.bottom; r++) {
      for (let c = 0; c < cols; c++) {
        const raw = grid.text(r, c);
        if (raw === "" || raw.length > 1000) continue;
        const t = normalizeText(raw);
        if (!ACHIEVEMENT_WORDS.test(t)) continue;
        // the symbol may sit in its own cell to the left of the words
        const left = c > 0 ? (LONE_SYMBOL.exec(normalizeText(grid.text(r, c - 1)))?.[1] ?? "") : "";
        const text = left + t;
        if (NUMBERED.test(text)) numbered = true;
        else if (CIRCLE.test(text)) circle = true;
      }
    }
    if (numbered) return { notation: "numbered", notationSource: "legend" };
    if (circle) return { notation: "circle", notationSource: "legend" };
  }
  return { notation: profile.notation, notationSource: "profile" };
}
