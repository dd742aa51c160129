// jsdom lacks ResizeObserver, which Fluent UI v9 components use; component tests get an inert one.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  Object.defineProperty(window, "ResizeObserver", { value: ResizeObserverStub, writable: true });
}
// findBy…/waitFor give up after 1 s by default; on this 2-CPU machine, shared with other work, a pane that
// renders a new result as a transition can take longer than that under load without being wrong.
if (typeof window !== "undefined") {
  (require("@testing-library/dom") as typeof import("@testing-library/dom")).configure({
    asyncUtilTimeout: 5000,
  });
}
export {};
