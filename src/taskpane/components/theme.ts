import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** The colours Office gives an add-in (Office.context.officeTheme, Excel 2016 and later). */
export interface OfficeThemeColors {
  readonly bodyBackgroundColor?: string;
}

/** What the page knows about the user's colours. */
export interface ThemeInputs {
  /** Office's theme inside Office; null in a browser */
  readonly office: OfficeThemeColors | null;
  /** prefers-color-scheme: dark */
  readonly prefersDark: boolean;
  /** forced-colors: active (Windows high contrast) */
  readonly forcedColors: boolean;
}

export type ThemeName = "light" | "dark" | "highContrast";

// Relative luminance of a #rrggbb colour (WCAG 2 formula); null when the text is not such a colour.
function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => {
    const c = parseInt(x ?? "0", 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Which Fluent theme follows the user: high contrast when the system forces colours; inside Office, dark
 * when Office's body background is dark (the Black and Dark Gray themes); otherwise the browser's
 * colour-scheme preference. Microsoft's add-in guidance: follow the Office theme where it is available.
 */
export function themeName(inputs: ThemeInputs): ThemeName {
  if (inputs.forcedColors) return "highContrast";
  const bg = inputs.office?.bodyBackgroundColor;
  const l = bg ? luminance(bg) : null;
  if (l !== null) return l < 0.2 ? "dark" : "light";
  return inputs.prefersDark ? "dark" : "light";
}

const THEMES: Record<ThemeName, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};

/** The Fluent theme object of a name. */
export function fluentTheme(name: ThemeName): Theme {
  return THEMES[name];
}
