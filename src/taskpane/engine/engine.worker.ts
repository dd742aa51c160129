// The Web Worker the browser's pane reads and evaluates in (spawn.mts starts it; webpack bundles it as its
// own chunk from this file). It runs the local engine — the same use cases the page would run itself.
import { createLocalEngine } from "./local";
import { serveEngine, type MessageScope } from "./serve";

serveEngine(self as unknown as MessageScope, createLocalEngine());
