// The text of a result sheet spec, cell by cell, as a reader sees it (the tests of the result
// sheets: layout.test.ts, runlog.test.ts).
import { SheetSpec, SpecCell } from "../src/engine/layout/spec";

export const texts = (spec: SheetSpec): string[] =>
  spec.blocks.flatMap((b) =>
    (b.kind === "table" ? b.rows : b.rows.map((r) => r.filter(Boolean))).flat().map((c) => {
      // a key/value block's label is a plain string
      if (typeof c === "string") return c;
      const v = (c as SpecCell | undefined)?.v;
      if (v === null || v === undefined) return "";
      if (typeof v === "object" && "text" in v) return String(v.text);
      return String(v);
    })
  );
