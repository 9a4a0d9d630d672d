// Creates the engine worker from its own bundle (webpack entry "engine.worker", emitted next to
// taskpane.html). Returns null where workers are unavailable (jsdom tests), so the inline
// handler takes over.
export const WORKER_SCRIPT = "engine.worker.js";

/** Set by webpack's DefinePlugin (absent in tests). */
declare const __ENGINE_WORKER_VERSION__: string | undefined;

export function createEngineWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  try {
    const version =
      typeof __ENGINE_WORKER_VERSION__ === "string"
        ? `?v=${encodeURIComponent(__ENGINE_WORKER_VERSION__)}`
        : "";
    return new Worker(WORKER_SCRIPT + version, { name: "audit-engine" });
  } catch {
    return null;
  }
}
