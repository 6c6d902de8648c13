/**
 * Data the kernel reads but does not load: the shell that knows where it is (a file in Node,
 * a fetched asset in a browser) says how to get it, and it is got once, on first use.
 */
export class Provided<T> {
  private value: T | null | undefined;
  private source: (() => T | undefined) | undefined;

  /** Says how to get the value; a new source drops what an earlier one gave. */
  provide(load: () => T | undefined): void {
    if (this.source === load) return;
    this.source = load;
    this.value = undefined;
  }

  /** The value, got on first use; undefined when nothing was provided or it could not be got. */
  get(): T | undefined {
    if (this.value === undefined) this.value = this.source?.() ?? null;
    return this.value ?? undefined;
  }
}
