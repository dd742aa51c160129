import type { LocalizedText } from "../core";

/** The query parameter that turns commands.html into a message dialog. */
export const MESSAGE_PARAM = "message";

/** The page that shows a message (the commands run in taskpane.html, the shared runtime, next to it). */
export const DIALOG_PAGE = "commands.html";

/**
 * The dialog URL for a message: commands.html beside the page the commands run in, with the message in the
 * query. The dialog page must be on the host page's domain ("Use the Office dialog API in your Office
 * Add-ins", https://learn.microsoft.com/office/dev/add-ins/develop/dialog-api-in-office-add-ins): it is.
 */
export function messageUrl(pageHref: string, message: LocalizedText, kind: "info" | "error"): string {
  const url = new URL(DIALOG_PAGE, pageHref);
  url.searchParams.set(MESSAGE_PARAM, JSON.stringify({ ...message, kind }));
  return url.toString();
}

/** Reads the message of a dialog URL; null when the page is not a dialog (or the message is damaged). */
export function messageFromUrl(href: string): (LocalizedText & { kind: "info" | "error" }) | null {
  const raw = new URL(href).searchParams.get(MESSAGE_PARAM);
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ja: raw, en: raw, kind: "error" };
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const m = parsed as Partial<Record<"ja" | "en" | "kind", unknown>>;
  if (typeof m.ja !== "string" || typeof m.en !== "string") return null;
  return { ja: m.ja, en: m.en, kind: m.kind === "error" ? "error" : "info" };
}

/** Renders a message (Japanese first, then English) and an OK button into the dialog page. */
export function renderMessage(
  doc: Document,
  message: LocalizedText & { kind: "info" | "error" },
  onClose: () => void,
): void {
  const main = doc.createElement("main");
  main.setAttribute("role", message.kind === "error" ? "alert" : "status");
  const title = doc.createElement("h1");
  title.textContent = message.kind === "error" ? "kusei: エラー / Error" : "kusei";
  const ja = doc.createElement("p");
  ja.lang = "ja";
  ja.textContent = message.ja;
  const en = doc.createElement("p");
  en.lang = "en";
  en.textContent = message.en;
  const ok = doc.createElement("button");
  ok.type = "button";
  ok.textContent = "OK";
  ok.addEventListener("click", onClose);
  main.append(title, ja, en, ok);
  doc.body.replaceChildren(main);
  ok.focus();
}
