/** What the page learned about Office when it started. */
export interface OfficeStart {
  /** true inside Excel; false in a plain browser (office.js absent or no host) */
  readonly inExcel: boolean;
  /** Office's display language (e.g. "ja-JP") inside Office; null elsewhere */
  readonly displayLanguage: string | null;
  /** Office.onReady never resolved within the wait (shown to the user, then standalone mode) */
  readonly timedOut: boolean;
  /** Office's theme colours inside Office (officeTheme), else null */
  readonly officeTheme?: { readonly bodyBackgroundColor?: string } | null;
}

interface OfficeLike {
  onReady?: () => Promise<{ host: unknown }>;
  HostType?: { Excel?: unknown };
  context?: { displayLanguage?: string; officeTheme?: { bodyBackgroundColor?: string } };
}

/**
 * Waits for office.js: inside Excel it reports the host and display language; in a plain browser (no
 * office.js, or onReady with no host) it reports standalone. office.js has no "not in Office" event, so a
 * timeout bounds the wait.
 */
export async function detectOffice(office: OfficeLike | undefined, timeoutMs: number): Promise<OfficeStart> {
  if (!office || typeof office.onReady !== "function")
    return { inExcel: false, displayLanguage: null, timedOut: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    if (info === "timeout") return { inExcel: false, displayLanguage: null, timedOut: true };
    const inExcel = info.host !== null && info.host !== undefined && info.host === office.HostType?.Excel;
    const displayLanguage = inExcel ? (office.context?.displayLanguage ?? null) : null;
    const officeTheme = inExcel ? (office.context?.officeTheme ?? null) : null;
    return { inExcel, displayLanguage, timedOut: false, officeTheme };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
