/**
 * Resolves once the page has painted (in a worker: on the next task). On the page's own thread a phase
 * change would otherwise never reach the screen before the long synchronous step that follows it.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, 0);
    if (typeof document !== "undefined" && typeof requestAnimationFrame === "function")
      requestAnimationFrame(later);
    else later();
  });
}
