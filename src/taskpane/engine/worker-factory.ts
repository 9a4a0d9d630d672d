// Creates the engine worker from its own bundle (webpack entry "engine.worker", emitted next to
// taskpane.html). Returns null where workers are unavailable (jsdom tests), so the inline
// handler takes over.
export const WORKER_SCRIPT = "engine.worker.js";

export function createEngineWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  try {
    return new Worker(WORKER_SCRIPT, { name: "audit-engine" });
  } catch {
    return null;
  }
}
