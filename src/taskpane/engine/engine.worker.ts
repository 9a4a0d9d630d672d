// The Web Worker: runs the engine (and, in file mode, the .xlsx reader and writer) off the page's main thread.
import { Progress, Request, createHandler } from "./protocol";

interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<{ id: number; req: Request }>) => void) | null;
}
const scope = self as unknown as WorkerScope;
let current = 0;
const handle = createHandler((p: Progress) => scope.postMessage({ id: current, progress: p }));

scope.onmessage = async (e) => {
  const { id, req } = e.data;
  current = id;
  const res = await handle(req);
  scope.postMessage({ id, res });
};
