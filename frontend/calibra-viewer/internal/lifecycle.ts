// Deferred tear-down. Vaadin detaches and re-attaches the element during its first render
// (connect -> disconnect -> connect); tearing Cornerstone down synchronously on that disconnect kills the
// viewport. So a disconnect schedules the tear-down for after the current task, and a reconnect before
// then cancels it (recipes.md, "Lifecycle pitfall").

export class DeferredTeardown {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly isConnected: () => boolean, private readonly tearDown: () => void) {}

  /** The element was disconnected: tear down after this task unless it is connected again by then. */
  schedule(): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.isConnected()) this.tearDown();
    }, 0);
  }

  /** The element was connected (again): keep what is set up. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  get pending(): boolean { return this.timer !== undefined; }
}
