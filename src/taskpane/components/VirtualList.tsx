import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useLayoutEffect, useRef, useState, type ReactNode } from "react";
import type { RenderRow, RenderSpacer } from "./handlers";

// Long lists render only the rows near the viewport. @tanstack/react-virtual (headless, ~5 KB) because the
// pane's rows have heights only the browser knows (Japanese messages wrapping at 350 px, a row view opening
// in place) and the page, not a box, scrolls: it measures each rendered row and follows the window's
// scroll. Fluent's DataGrid virtualization (react-window) wants fixed row heights in a fixed-height box.

/** Lists up to this many rows are rendered whole (all of it findable with the browser's search). */
export const VIRTUAL_THRESHOLD = 200;

export interface VirtualRowsProps {
  readonly count: number;
  /** a first guess of a row's height in px (rows are measured once rendered) */
  readonly estimate: number;
  /** renders row i; `measure` goes on the row's outermost element (with data-index) */
  readonly row: RenderRow;
  /** renders a spacer of the given height */
  readonly spacer: RenderSpacer;
  /** the element the rows sit in, to know where the list starts on the page */
  readonly anchor: React.RefObject<HTMLElement | null>;
}

function VirtualRowsOn({ count, estimate, row, spacer, anchor }: VirtualRowsProps) {
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const el = anchor.current;
    if (el) setMargin(el.getBoundingClientRect().top + window.scrollY);
  });
  const v = useWindowVirtualizer({ count, estimateSize: () => estimate, overscan: 8, scrollMargin: margin });
  const items = v.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const before = first ? first.start - margin : 0;
  const after = last ? v.getTotalSize() - (last.end - margin) : 0;
  return (
    <>
      {before > 0 ? spacer(before, "before") : null}
      {items.map((it) => row(it.index, v.measureElement))}
      {after > 0 ? spacer(after, "after") : null}
    </>
  );
}

/** The rows of a list: all of them when few, else only those near the viewport with spacers around. */
export function VirtualRows(props: VirtualRowsProps) {
  if (props.count <= VIRTUAL_THRESHOLD) {
    const out: ReactNode[] = [];
    for (let i = 0; i < props.count; i += 1) out.push(props.row(i, undefined));
    return <>{out}</>;
  }
  return <VirtualRowsOn {...props} />;
}

/** A ref for the element a VirtualRows sits in. */
export function useAnchor<T extends HTMLElement>() {
  return useRef<T | null>(null);
}
