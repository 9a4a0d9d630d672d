// Raw deflate in pieces for the command line: Node's zlib decompresses a large part in a worker
// thread, into a ring of shared slots, while the main thread scans the pieces already out. Node
// has no synchronous streaming inflate (zlib.inflateRawSync takes and gives the whole part: 160 MB
// held for a year of openpyxl tickets), and the reader is synchronous; Atomics.wait lets it take
// the worker's pieces as they come. Memory follows the ring (8 MB), not the part, and on two
// cores the decompression runs beside the scan.
import { Worker } from "worker_threads";
import type { InflateRawPieces } from "../file/zip";

/** Bytes a slot holds, and how many slots the ring has. */
const SLOT = 1 << 20;
const SLOTS = 8;

// control words (Int32Array over a SharedArrayBuffer)
const WRITTEN = 0; // pieces the worker has published
const READ = 1; // pieces the reader has taken
const STATE = 2; // 0 while running, then DONE, FAILED, or STOP (the reader wants no more)
const MESSAGE_LENGTH = 3; // bytes of the failure's message
const LENGTHS = 4; // each slot's piece length
const DONE = 1;
const FAILED = 2;
const STOP = 3;

/** No progress for this long: the worker is gone (it could not start, or was killed). */
const STALL_MS = 60_000;

// The worker: plain JavaScript (evaluated, so that it needs no file of its own in a bundle).
const WORKER = `
"use strict";
const { workerData } = require("worker_threads");
const zlib = require("zlib");
const { raw, ctrl, ring, message, slot, slots } = workerData;
const c = new Int32Array(ctrl);
const data = new Uint8Array(ring);
let written = 0;
function fail(err) {
  const text = Buffer.from(String((err && err.message) || err)).subarray(0, message.byteLength);
  new Uint8Array(message).set(text);
  c[${MESSAGE_LENGTH}] = text.length;
  Atomics.store(c, ${STATE}, ${FAILED});
  Atomics.notify(c, ${WRITTEN});
}
function publish(buf) {
  for (let o = 0; o < buf.length; o += slot) {
    const piece = buf.subarray(o, Math.min(buf.length, o + slot));
    for (;;) {
      if (Atomics.load(c, ${STATE}) === ${STOP}) return false;
      const read = Atomics.load(c, ${READ});
      if (written - read < slots) break;
      Atomics.wait(c, ${READ}, read, 1000);
    }
    const k = written % slots;
    data.set(piece, k * slot);
    c[${LENGTHS} + k] = piece.length;
    written++;
    Atomics.store(c, ${WRITTEN}, written);
    Atomics.notify(c, ${WRITTEN});
  }
  return true;
}
try {
  const inf = zlib.createInflateRaw({ chunkSize: slot });
  inf.on("data", (buf) => {
    if (!publish(buf)) inf.destroy();
  });
  inf.on("error", fail);
  inf.on("end", () => {
    Atomics.store(c, ${STATE}, ${DONE});
    Atomics.notify(c, ${WRITTEN});
  });
  inf.end(raw);
} catch (err) {
  fail(err);
}
`;

export const inflateRawPieces: InflateRawPieces = (compressed, _size, onPiece) => {
  const ctrl = new SharedArrayBuffer(4 * (LENGTHS + SLOTS));
  const ring = new SharedArrayBuffer(SLOT * SLOTS);
  const message = new SharedArrayBuffer(1024);
  const c = new Int32Array(ctrl);
  const data = new Uint8Array(ring);
  let worker: Worker;
  try {
    worker = new Worker(WORKER, {
      eval: true,
      workerData: { raw: compressed, ctrl, ring, message, slot: SLOT, slots: SLOTS },
    });
  } catch {
    return false; // no worker thread here (a host that forbids them): the part goes whole
  }
  worker.unref();
  let read = 0;
  let idleSince = Date.now();
  try {
    for (;;) {
      const written = Atomics.load(c, WRITTEN);
      if (written > read) {
        const k = read % SLOTS;
        // a copy of its own: the slot is handed back at once
        const piece = data.slice(k * SLOT, k * SLOT + c[LENGTHS + k]);
        read++;
        Atomics.store(c, READ, read);
        Atomics.notify(c, READ);
        idleSince = Date.now();
        if (onPiece(piece) === false) return true;
        continue;
      }
      const state = Atomics.load(c, STATE);
      if (state === DONE) {
        if (Atomics.load(c, WRITTEN) > read) continue;
        return true;
      }
      if (state === FAILED) {
        const text = new Uint8Array(message, 0, c[MESSAGE_LENGTH]).slice();
        throw new Error(new TextDecoder().decode(text));
      }
      if (Date.now() - idleSince > STALL_MS) throw new Error("the decompression stopped");
      Atomics.wait(c, WRITTEN, written, 1000);
    }
  } finally {
    Atomics.store(c, STATE, STOP);
    Atomics.notify(c, READ);
    void worker.terminate();
  }
};
