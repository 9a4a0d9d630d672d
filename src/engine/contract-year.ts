// Another contract year in one action (RULES.md revision 3): the same terms, a new service start.
// Every date parameter that is set moves by the same whole number of years (29 February becomes
// the 28th), the assessment year follows, thresholds and amounts stay; r10.baselineRank (the
// previous three years' average rank) must be given for the new year, and the caller is told so.
import { PARAM_KEYS, ParamKey, Params, paramMeta, resolve } from "./params";

export interface MovedDate {
  key: ParamKey;
  from: string;
  to: string;
}

export interface YearShift {
  params: Params;
  /** the assessment year before and after */
  from: number;
  to: number;
  /** every date parameter moved, in the schema's order */
  moved: MovedDate[];
  /** r10.baselineRank before and after; `kept` when no new value was given */
  baselineRank: { from: number; to: number; kept: boolean };
}

/** A date `years` later (earlier when negative); 29 February in a year without one is the 28th. */
export function shiftIsoDate(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, "0")}-${md === "02-29" && !leap ? "02-28" : md}`;
}

/** The date parameters a new contract year moves: every one that holds a date (a default that follows another moves with it). */
export const YEAR_DATE_KEYS: ParamKey[] = PARAM_KEYS.filter((k) => paramMeta(k).kind === "date");

/**
 * The parameters of the contract year `year` (its assessment year), from those of the current one.
 * `baselineRank`: the previous three years' average district rank for the new year.
 */
export function shiftContractYear(p: Params, year: number, baselineRank?: number): YearShift {
  const from = resolve(p).contractYear;
  const years = year - from;
  const next: Record<string, unknown> = { ...p };
  const moved: MovedDate[] = [];
  for (const key of YEAR_DATE_KEYS) {
    const v = p[key];
    if (typeof v !== "string") continue; // follows another date, and moves with it
    const to = shiftIsoDate(v, years);
    next[key] = to;
    moved.push({ key, from: v, to });
  }
  // a year set by hand is set anew; one following the service start follows it
  if (p["contract.year"] !== null) next["contract.year"] = year;
  const rank = p["r10.baselineRank"];
  if (baselineRank !== undefined) next["r10.baselineRank"] = baselineRank;
  return {
    params: next as Params,
    from,
    to: year,
    moved,
    baselineRank: { from: rank, to: baselineRank ?? rank, kept: baselineRank === undefined },
  };
}
