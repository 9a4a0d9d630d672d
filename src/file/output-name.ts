// The audited copy's name: one rule for the command line and the pane's download.

/**
 * `考核` → `考核-2026年度核查`: the copy says the contract year it was checked for, unless the name
 * already carries that year (`接诉即办-2026-示例` → `接诉即办-2026-示例-核查`). A copy audited again
 * for the same year gets `…核查2`, `…核查3` (never `-核查-核查`); for another year, that year's name.
 */
export function auditedBaseName(base: string, year?: number): string {
  const m = /^(.*)-(?:(\d{4})年度)?核查(\d*)$/.exec(base);
  const stem = m ? m[1] : base;
  const named = year === undefined || new RegExp(`(^|\\D)${year}(\\D|$)`).test(stem);
  const tag = named ? "" : `${year}年度`;
  const again = m && (m[2] ? `${m[2]}年度` : "") === tag ? (Number(m[3]) || 1) + 1 : "";
  return `${stem}-${tag}核查${again}`;
}
