// What jsdom lacks and Fluent UI or the pane uses. Only applied in jsdom test files.
import { TextDecoder, TextEncoder } from "util";

if (typeof window !== "undefined") {
  const w = window as unknown as Record<string, unknown>;
  if (!w.ResizeObserver)
    w.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  if (!w.TextEncoder) Object.assign(w, { TextEncoder, TextDecoder });
  if (!w.matchMedia)
    w.matchMedia = (query: string) => ({
      matches: false,
      media: query,
      addEventListener() {},
      removeEventListener() {},
      addListener() {},
      removeListener() {},
      onchange: null,
      dispatchEvent: () => false,
    });
}

if (typeof window !== "undefined" && typeof Blob !== "undefined" && !Blob.prototype.arrayBuffer) {
  Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
    return new Promise((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(r.result as ArrayBuffer);
      r.onerror = () => reject(r.error);
      r.readAsArrayBuffer(this);
    });
  };
}
