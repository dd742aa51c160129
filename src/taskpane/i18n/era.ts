// Japanese era (和暦) names for fiscal years and JST times, as ward staff write them on their sheets.
// Intl's "ja-JP-u-ca-japanese" calendar would name the era of a *date*; a fiscal year starts in April, so
// FY2019 is 令和元年度 although April 2019 was still 平成: the fiscal-year rule is written out here.

interface Era {
  readonly name: string;
  /** the first fiscal year of the era (its 元年度) */
  readonly first: number;
}

// Newest first. A fiscal year belongs to the era in force for most of it (令和 from FY2019, 平成 from FY1989).
const ERAS: ReadonlyArray<Era> = [
  { name: "令和", first: 2019 },
  { name: "平成", first: 1989 },
  { name: "昭和", first: 1926 },
];

/** 2016 → 「平成28年度」, 2019 → 「令和元年度」; a year before 昭和 stays 「1900年度」. */
export function fiscalYearJa(year: number): string {
  const era = ERAS.find((e) => year >= e.first);
  if (!era) return `${year}年度`;
  const n = year - era.first + 1;
  return `${era.name}${n === 1 ? "元" : String(n)}年度`;
}

export { formatJst } from "../../report/time";
