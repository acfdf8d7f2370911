// Waiting for something that may not come: the first screen's rows, a worker's end.
/** Resolves when `arrived` does or after `ms`, whichever is first. */
export function within(arrived: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    void arrived.then(() => {
      clearTimeout(t);
      resolve();
    });
  });
}
