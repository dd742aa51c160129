// jsdom lacks ResizeObserver, which Fluent UI v9 components use; component tests get an inert one.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  Object.defineProperty(window, "ResizeObserver", { value: ResizeObserverStub, writable: true });
}
export {};
