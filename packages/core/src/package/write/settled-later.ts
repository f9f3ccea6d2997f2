/** A promise awaited only at the end: if the writer fails first, its rejection is not "unhandled". */
export function settledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
