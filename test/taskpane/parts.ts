import { FileBar } from "../../src/taskpane/components/FileBar";
import { Hint } from "../../src/taskpane/components/Hint";
import { MappingTab } from "../../src/taskpane/components/MappingTab";
import { MarksTab } from "../../src/taskpane/components/MarksTab";
import type { PaneParts } from "../../src/taskpane/components/parts";
import { SummaryTab } from "../../src/taskpane/components/SummaryTab";

/**
 * The pane's parts as they are, for the tests: the page loads them lazily (src/taskpane/index.tsx, with
 * import(), which this jest setup cannot run); lazyPart's loading and failing are tested on their own
 * (parts.test.tsx), and the built page's lazy chunks by the browser tests (test/e2e).
 */
export const eagerParts: PaneParts = { MarksTab, MappingTab, SummaryTab, FileBar, Hint };
