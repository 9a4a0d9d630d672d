// What a message may say of a cell's content. Messages (校验问题, the command line, the pane) name
// the cell; they quote its value only to say what is wrong with it, so a quote is short, shows the
// characters that change how text reads (controls, zero-width and direction marks) instead of
// obeying them, and a caller's phone number in it is masked (138****5678): the contract's
// confidentiality clause (第九条) and the personal-information law ask no less.
/** At most this many characters of a cell are quoted; the cell's link shows the rest. */
export const QUOTE_MAX = 40;

// C0/C1 controls; zero-width characters; bidirectional marks, embeddings, overrides and isolates;
// the byte-order mark
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** A cell's value as a message quotes it: short, with invisible characters made visible. */
export function quote(v: unknown): string {
  const s =
    typeof v === "string"
      ? v
      : v && typeof v === "object" && "error" in v
        ? String((v as { error: unknown }).error)
        : String(v);
  const chars = Array.from(s);
  let head = s;
  if (chars.length > QUOTE_MAX) {
    // never cut inside a number: half a phone number would escape its mask
    let end = QUOTE_MAX;
    while (end > 0 && /\d/.test(chars[end]) && /\d/.test(chars[end - 1])) end--;
    head = `${chars.slice(0, end).join("")}…`;
  }
  return head.replace(INVISIBLE, (c) => {
    if (c === "\t") return "\\t";
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    return `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}>`;
  });
}

// a mainland mobile number (1[3-9] and nine digits, optionally +86 and separators), not part of a
// longer run of digits; a landline with its area code and a separator (010-12345678)
const MOBILE = /(?<![\d*])((?:\+?86[\s-]?)?1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?![\d*])/g;
const LANDLINE = /(?<![\d*])(0\d{2,3})[\s-](\d{3,4})(\d{4})(?![\d*])/g;

/** Masks the phone numbers in a text: 13812345678 → 138****5678, 010-62345678 → 010-****5678. */
export function maskPhones(text: string): string {
  if (!/\d{4}/.test(text)) return text;
  return text.replace(MOBILE, "$1****$3").replace(LANDLINE, "$1-****$3");
}
