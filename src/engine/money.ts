// Money is held in integer fen (cents). Every product with a rate is rounded half-up
// (四舍五入) to the fen, in integer arithmetic.
import Nzh from "nzh";

export type Cents = number;

/** Parses a decimal amount ("1599998.40", 1599998.4) into cents, half-up; null if not a number. */
export function toCents(value: number | string): Cents | null {
  const s = typeof value === "number" ? numberToPlainString(value) : value.trim();
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return null;
  const sign = m[1] === "-" ? -1 : 1;
  const frac = (m[3] ?? "").padEnd(3, "0");
  let cents = Number(m[2]) * 100 + Number(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) cents += 1;
  return sign * cents;
}

function numberToPlainString(n: number): string {
  // 1599998.4 → "1599998.4"; avoids exponent notation for the magnitudes we handle
  if (!Number.isFinite(n)) return "NaN";
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(10);
}

/** cents × a decimal rate, half-up to the fen, exactly (rate with up to 9 decimals). */
export function applyRate(cents: Cents, rate: number): Cents {
  const scale = 1_000_000_000n;
  const r = BigInt(Math.round(rate * 1e9));
  const prod = BigInt(cents) * r;
  const neg = prod < 0n;
  const abs = neg ? -prod : prod;
  let q = abs / scale;
  if ((abs % scale) * 2n >= scale) q += 1n;
  return Number(neg ? -q : q);
}

/** "1599998.40" */
export function formatCents(c: Cents): string {
  const neg = c < 0;
  const a = Math.abs(c);
  return `${neg ? "-" : ""}${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")}`;
}

/** "¥1,599,998.40" */
export function formatYuan(c: Cents): string {
  const neg = c < 0;
  const a = Math.abs(c);
  const int = Math.floor(a / 100).toLocaleString("en-US");
  return `${neg ? "-" : ""}¥${int}.${String(a % 100).padStart(2, "0")}`;
}

/** A difference of amounts with its sign: +¥500.00, −¥1,800.00 (a true minus), ¥0.00. */
export function formatSignedYuan(c: Cents): string {
  return c > 0 ? `+${formatYuan(c)}` : c < 0 ? `−${formatYuan(-c)}` : formatYuan(0);
}

/**
 * 人民币大写 following the People's Bank rules for bills (《支付结算办法》附件):
 * 整 after 元 when there is no 角 or 分; no 整 after 角 or 分; 零 where a zero sits between
 * digits (壹佰元零伍分).
 */
export function toChineseCapital(c: Cents): string {
  if (c < 0) return `负${toChineseCapital(-c)}`;
  const text = Nzh.cn.toMoney(formatCents(c), { outSymbol: false, forceZheng: c % 100 === 0 });
  return text;
}
