import { Tooltip } from "@fluentui/react-components";
import type { ReactElement } from "react";

export interface HintProps {
  /** the text shown on hover and focus */
  readonly content: string;
  /** "label": the control's name (an icon-only button); "description": more about a labelled control */
  readonly relationship: "label" | "description";
  /** the one control the hint is about (it must take a ref, as Fluent's controls do) */
  readonly children: ReactElement;
}

/**
 * A hover and focus hint: Fluent's Tooltip. It brings Fluent's positioning (floating-ui) and portals, about
 * 13 KB gzip, so the pane loads it as a chunk of its own right after it starts (parts.tsx, lazyHint).
 */
export function Hint({ content, relationship, children }: HintProps) {
  return (
    <Tooltip content={content} relationship={relationship}>
      {children}
    </Tooltip>
  );
}
