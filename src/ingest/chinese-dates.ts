/**
 * Years and dates as Chinese documents write them: `2024年12月25日`, `二〇二一年一月二十三日`,
 * `一九七八年`, `2019年` — Arabic or Chinese numerals, the year's digits read one by one
 * (一九八〇), months and days as counted numbers (十二, 二十三). Pure; no lists of dates.
 */

const DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  "○": 0,
  О: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Characters a year's digits may be written with. */
export const YEAR_DIGITS = "0-9〇零○一二三四五六七八九";
/** A four-digit year of the modern era, in Arabic or Chinese digits (group 1). */
export const YEAR = `((?:19|20)\\d{2}|[一二][〇零○一二三四五六七八九]{3})`;
const COUNT = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";

/**
 * A year of the modern era as written → its number: `2019` → 2019, `一九七八` → 1978, `二〇二一`
 * → 2021; null for anything else (`1899`, `五千六百`).
 */
export function readYear(written: string): number | null {
  if (/^\d{4}$/u.test(written)) {
    const n = Number(written);
    return n >= 1900 && n < 2100 ? n : null;
  }
  if (written.length !== 4) return null;
  let n = 0;
  for (const c of written) {
    const d = DIGIT[c];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n >= 1900 && n < 2100 ? n : null;
}

/** A month or day as written → its number: `12`, `十二` → 12, `二十三` → 23, `三十一` → 31. */
export function readCount(written: string): number | null {
  if (/^\d{1,2}$/u.test(written)) return Number(written);
  const m = written.match(/^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u);
  if (!m || written === "") return null;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? DIGIT[tens]! : null;
  return (tens ? DIGIT[tens]! : 1) * 10 + (ones ? DIGIT[ones]! : 0);
}

/** A full date found in a text. */
export interface FoundDate {
  year: number;
  month: number;
  day: number;
  /** As written: `2024年12月25日`. */
  written: string;
  index: number;
}

const DATE = new RegExp(`${YEAR}\\s*年\\s*${COUNT}\\s*月\\s*${COUNT}\\s*日`, "gu");

/** Every full date (year, month and day) of a text, in order. */
export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of text.matchAll(DATE)) {
    const year = readYear(m[1]!);
    const month = readCount(m[2]!);
    const day = readCount(m[3]!);
    if (year === null || month === null || day === null) continue;
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    out.push({ year, month, day, written: m[0], index: m.index });
  }
  return out;
}

/** A year named in a text (not as part of a full date). */
export interface FoundYear {
  year: number;
  written: string;
  index: number;
}

const YEAR_WORD = new RegExp(`(?<![${YEAR_DIGITS}])${YEAR}\\s*年(?!\\s*${COUNT}\\s*月)`, "gu");

/** Every `2019年` / `一九七八年` of a text that does not begin a full date, in order. */
export function findYears(text: string): FoundYear[] {
  const out: FoundYear[] = [];
  for (const m of text.matchAll(YEAR_WORD)) {
    const year = readYear(m[1]!);
    if (year !== null) out.push({ year, written: m[0], index: m.index });
  }
  return out;
}
