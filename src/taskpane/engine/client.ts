// Talks to the engine worker (or, without one, runs the same handler inline). A request can be
// cancelled: the worker is terminated and a fresh one started on the next request.
import { Cancelled } from "../../workbook";
import { Answers, Op, Progress, RequestOf, Response, createHandler } from "./protocol";
import { createEngineWorker } from "./worker-factory";

type Pending = {
  resolve: (r: Response) => void;
  reject: (e: unknown) => void;
  onProgress?: (p: Progress) => void;
};

export class EngineClient {
  private worker: Worker | null = null;
  private inline: ReturnType<typeof createHandler> | null = null;
  private inlineProgress: ((p: Progress) => void) | undefined;
  private next = 1;
  private pending = new Map<number, Pending>();

  constructor(private readonly useWorker = true) {}

  private ensure(): void {
    if (this.worker || this.inline) return;
    this.worker = this.useWorker ? createEngineWorker() : null;
    if (this.worker) {
      this.worker.onmessage = (
        e: MessageEvent<{ id: number; res?: Response; progress?: Progress }>
      ) => {
        const p = this.pending.get(e.data.id);
        if (!p) return;
        if (e.data.progress) p.onProgress?.(e.data.progress);
        if (e.data.res) {
          this.pending.delete(e.data.id);
          p.resolve(e.data.res);
        }
      };
      this.worker.onerror = () => {
        // the event's message is the runtime's: the report keeps its kind, never its text
        for (const p of this.pending.values()) p.reject(new Error("worker error"));
        this.pending.clear();
      };
    } else {
      this.inline = createHandler((p) => this.inlineProgress?.(p));
    }
  }

  /** Whether the work runs in a Web Worker (false: inline on the page). */
  get inWorker(): boolean {
    this.ensure();
    return this.worker !== null;
  }

  /** A request, answered with what the protocol says a request of its kind answers. */
  async request<K extends Op>(
    req: RequestOf<K>,
    onProgress?: (p: Progress) => void,
    signal?: AbortSignal,
    transfer: Transferable[] = []
  ): Promise<Answers[K]> {
    if (signal?.aborted) throw new Cancelled();
    this.ensure();
    let res: Response;
    if (this.worker) {
      const id = this.next++;
      const worker = this.worker;
      res = await new Promise<Response>((resolve, reject) => {
        this.pending.set(id, { resolve, reject, onProgress });
        signal?.addEventListener("abort", () => {
          this.pending.delete(id);
          this.terminate();
          reject(new Cancelled());
        });
        worker.postMessage({ id, req }, transfer);
      });
    } else {
      this.inlineProgress = onProgress;
      // let the page paint the progress bar before the engine takes the thread
      await new Promise((r) => setTimeout(r, 0));
      res = await this.inline!(req);
      if (signal?.aborted) throw new Cancelled();
    }
    if (!res.ok)
      throw new EngineFailure(
        res.failure.code,
        res.failure.messageZh,
        res.failure.messageEn,
        res.failure.paramErrors ?? [],
        res.failure.report ?? null
      );
    // the worker answers a request of kind K with Answers[K] (protocol.ts answer())
    return res.value as Answers[K];
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.inline = null;
  }
}

export class EngineFailure extends Error {
  constructor(
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly paramErrors: {
      key: string;
      message: string;
      messageEn: string;
      sheet?: string;
      cell?: string;
    }[],
    /** an unexpected error's report to copy (no workbook data); null for the workbook's own faults */
    readonly report: string | null = null
  ) {
    super(messageEn);
  }
}
