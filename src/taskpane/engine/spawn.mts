// Starts the engine's Web Worker. Only webpack reads this file's `new Worker(new URL(…, import.meta.url))`:
// it bundles engine.worker.ts as a chunk of its own, served from the add-in's origin like every other file
// (nothing is fetched from elsewhere). An ES module file (.mts) because TypeScript allows import.meta only
// there in this CommonJS-typed project; index.tsx loads it with an eager import(), so it adds no request.

/** A new engine worker; throws where the page may not start one (file://, a CSP without worker-src). */
export function spawnEngineWorker(): Worker {
  return new Worker(/* webpackChunkName: "engine" */ new URL("./engine.worker.ts", import.meta.url), {
    name: "kusei-engine",
  });
}
