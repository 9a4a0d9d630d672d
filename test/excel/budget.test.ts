// The write planner's size estimates against the real request bodies Office.js builds: for every
// kind of operation, the planned bytes cover what the client really sends (object paths, the
// instantiate and set actions, the chunking of large value sets). An estimate that is too low
// would let a batch pass 5 MB on Excel on the web.
import { audit } from "../../src/engine/audit";
import { layoutResults } from "../../src/engine/layout";
import { templateSpecs } from "../../src/engine/layout/own";
import { DEFAULT_BUDGET } from "../../src/excel/budget";
import { ColumnScale, Op, OpKind, SheetRef, sheetOps, templateOps } from "../../src/excel/plan";
import { FakeExcel } from "../fakes/excel";
import { SMALL, fakeFrom, tablesOf } from "./helpers";
import { officeClient } from "./client";

async function measure(book: FakeExcel, plan: (ref: SheetRef) => Op[], names: string[]) {
  const client = officeClient(book, { excelApi: "1.10" });
  const byKind = new Map<OpKind, { planned: number; real: number; ops: number }>();
  await client.run(async (ctx) => {
    for (const name of names) {
      const ref = new SheetRef(`~${name}`, name);
      const [create, ...ops] = plan(ref);
      create.apply(ctx);
      await ctx.sync();
      // a request that only names the sheet: the part of every request that is no op's own
      ref.get().load("name");
      await ctx.sync();
      const fixed = client.responder.requests[client.responder.requests.length - 1].bytes;
      const kinds = new Map<OpKind, Op[]>();
      for (const op of ops) kinds.set(op.kind, [...(kinds.get(op.kind) ?? []), op]);
      for (const [kind, list] of kinds) {
        for (const op of list) op.apply(ctx);
        await ctx.sync();
        const real = client.responder.requests[client.responder.requests.length - 1].bytes - fixed;
        const k = byKind.get(kind) ?? { planned: 0, real: 0, ops: 0 };
        k.planned += list.reduce((s, o) => s + o.bytes, 0);
        k.real += real;
        k.ops += list.length;
        byKind.set(kind, k);
      }
    }
  });
  return byKind;
}

test.each([
  ["links one by one (ExcelApi 1.8)", false],
  ["links through setCellProperties (ExcelApi 1.9)", true],
])(
  "every kind of result-sheet op is planned at no less than its real request bytes: %s",
  async (_, cellProperties) => {
    const tables = await tablesOf(SMALL);
    const specs = layoutResults(audit(tables, { runAt: "2026-01-01 00:00:00" }));
    const features = {
      validation: true,
      pageLayout: true,
      notes: false,
      comments: true,
      cellProperties,
    };
    const byKind = await measure(
      fakeFrom(tables),
      (ref) => {
        const scale = new ColumnScale();
        const ops = sheetOps(
          specs.find((s) => s.name === ref.finalName)!,
          ref,
          (n) => `${n}_new`,
          features,
          DEFAULT_BUDGET,
          scale
        );
        return scale.phases(ops, ref).flat();
      },
      specs.map((s) => s.name)
    );
    expect([...byKind.keys()].sort()).toEqual(
      [
        "dataBar",
        "freeze",
        "link",
        "measure",
        "pageLayout",
        "style",
        "table",
        "values",
        "width",
      ].sort()
    );
    for (const [kind, k] of byKind) {
      expect({ kind, covered: k.planned >= k.real }).toEqual({ kind, covered: true });
      // and, for the kinds that fill batches, not wasteful: within 2× of real
      if (k.real > 20_000)
        expect({ kind, tight: k.planned <= 2 * k.real }).toEqual({ kind, tight: true });
    }
  }
);

test("template ops too (formats over the rows, drop-downs, notes as comments)", async () => {
  const book = new FakeExcel();
  book.addSheet("说明", [["x"]]);
  const specs = templateSpecs(["tickets", "staff", "roster"], 2000);
  const features = {
    validation: true,
    pageLayout: true,
    notes: false,
    comments: true,
    cellProperties: true,
  };
  const byKind = await measure(
    book,
    (ref) => {
      const scale = new ColumnScale();
      const ops = templateOps(
        specs.find((s) => s.name === ref.finalName)!,
        ref,
        features,
        DEFAULT_BUDGET,
        scale
      );
      return scale.phases(ops, ref).flat();
    },
    specs.map((s) => s.name)
  );
  expect(byKind.has("formats") && byKind.has("validation") && byKind.has("note")).toBe(true);
  for (const [kind, k] of byKind)
    expect({ kind, covered: k.planned >= k.real }).toEqual({ kind, covered: true });
});
