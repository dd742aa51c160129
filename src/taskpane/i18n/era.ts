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

/** A time in Japan Standard Time: 「令和8年12月2日 8:15」 in Japanese, "2 Dec 2026, 08:15 JST" in English. */
export function formatJst(date: Date, lang: "ja" | "en"): string {
  if (lang === "ja") {
    return new Intl.DateTimeFormat("ja-JP-u-ca-japanese", {
      timeZone: "Asia/Tokyo",
      era: "long",
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
    }).format(date);
  }
  const text = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
  return `${text} JST`;
}
