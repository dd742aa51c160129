// Report and CLI times as people in Osaka read them: Japan Standard Time, with the 和暦 era in Japanese.
// Intl (ICU, in Node and every browser) knows the Japanese calendar and the Asia/Tokyo zone: no library.

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
