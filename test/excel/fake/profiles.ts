/**
 * The hosts kusei supports (README, support matrix), as the fake models them. Each profile says what the
 * host reports through isSetSupported, which office.js file the served @microsoft/office-js 1.1.110 loads
 * for it (the members that file defines are the members the adapter can call there — see served.ts), and
 * the limits the host enforces.
 *
 * Sources:
 * - ExcelApi levels: "Excel JavaScript API requirement sets"
 *   (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets):
 *   Office LTSC 2021 → 1.14, Office LTSC 2024 → 1.17, Microsoft 365 (Windows 2501+, Mac 16.93+) and the
 *   web → 1.18.
 * - SharedRuntime 1.1: "Shared runtime requirement sets"
 *   (https://learn.microsoft.com/javascript/api/requirement-sets/common/shared-runtime-requirement-sets):
 *   web, Microsoft 365 Windows 2002+, Office 2021 (volume licensed) 2108+, Mac 16.35+.
 * - Payload: "Excel JavaScript API performance optimization"
 *   (https://learn.microsoft.com/office/dev/add-ins/excel/performance): "Excel on the web limits requests
 *   and responses to 5 MB"; a get is limited to five million cells on all platforms.
 * - Web views: "Browsers and webview controls used by Office Add-ins"
 *   (https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins):
 *   WebView2 (Chromium) on Windows, WKWebView (Safari) on Mac, the browser on the web.
 */

export type ProfileName = "ltsc2021" | "ltsc2024" | "m365" | "web" | "mac";

export interface HostProfile {
  readonly name: ProfileName;
  readonly label: string;
  /** the highest ExcelApi set the host reports */
  readonly excelApi: string;
  /** other requirement sets it reports (name → highest version) */
  readonly sets: Readonly<Record<string, string>>;
  /** the office.js host file the served library loads on this host (node_modules/@microsoft/office-js/dist) */
  readonly officeJsFile: string;
  /** bytes per request and per response the host accepts (null: no documented limit) */
  readonly payloadLimit: number | null;
  /** cells one get may return */
  readonly cellLimit: number;
  /** merged areas one getMergedAreasOrNullObject may return */
  readonly mergedAreaLimit: number;
  readonly webview: string;
}

const common = {
  cellLimit: 5_000_000,
  // "Excel.Range", getMergedAreasOrNullObject: "if the merged areas count in this range is more than 512,
  // then this method will fail to return the result" (https://learn.microsoft.com/javascript/api/excel/excel.range).
  mergedAreaLimit: 512,
} as const;

export const PROFILES: Readonly<Record<ProfileName, HostProfile>> = {
  ltsc2021: {
    name: "ltsc2021",
    label: "Office LTSC 2021 (Windows)",
    excelApi: "1.14",
    sets: { SharedRuntime: "1.1", DialogApi: "1.2" },
    officeJsFile: "excel-win32-16.01.debug.js",
    payloadLimit: null,
    webview: "WebView2",
    ...common,
  },
  ltsc2024: {
    name: "ltsc2024",
    label: "Office LTSC 2024 (Windows)",
    excelApi: "1.17",
    sets: { SharedRuntime: "1.1", DialogApi: "1.2" },
    officeJsFile: "excel-win32-16.01.debug.js",
    payloadLimit: null,
    webview: "WebView2",
    ...common,
  },
  m365: {
    name: "m365",
    label: "Microsoft 365 current (Windows)",
    excelApi: "1.18",
    sets: { SharedRuntime: "1.1", DialogApi: "1.2" },
    officeJsFile: "excel-win32-16.01.debug.js",
    payloadLimit: null,
    webview: "WebView2",
    ...common,
  },
  web: {
    name: "web",
    label: "Excel on the web",
    excelApi: "1.18",
    sets: { SharedRuntime: "1.1", DialogApi: "1.2" },
    officeJsFile: "excel-web-16.00.debug.js",
    payloadLimit: 5_000_000,
    webview: "the user's browser",
    ...common,
  },
  mac: {
    name: "mac",
    label: "Microsoft 365 (Mac)",
    excelApi: "1.18",
    sets: { SharedRuntime: "1.1", DialogApi: "1.2" },
    officeJsFile: "excel-mac-16.00.debug.js",
    payloadLimit: null,
    webview: "WKWebView (Safari 16.4+)",
    ...common,
  },
};

export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

/** isSetSupported for a profile: true when the host's level is at least `version`. */
export function reports(have: string, version: string): boolean {
  const h = have.split(".").map(Number);
  const w = version.split(".").map(Number);
  return (h[0] ?? 0) > (w[0] ?? 0) || ((h[0] ?? 0) === (w[0] ?? 0) && (h[1] ?? 0) >= (w[1] ?? 0));
}
