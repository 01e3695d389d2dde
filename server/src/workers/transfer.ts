// Large text crossing from a worker thread to the main thread: encoded as UTF-8 into one buffer per job and moved
// (transferred), not copied. A string sent as it is was copied twice on the way (serialized in the worker, rebuilt in
// the main thread, two bytes a character once a name has a letter outside Latin-1), and the main thread then encoded
// it again to write it out. Bytes go to stdout or a cache file as they are, and live outside the JavaScript heap.

/** Text as a job returns it: a string in this thread, UTF-8 bytes once it came from a worker thread. */
export type Text = string | Uint8Array;

/**
 * Encodes `texts` into one new buffer (never Node's shared pool, so it can be transferred) and returns a view of
 * each, in order, with the buffer to transfer.
 */
export function encodeTexts(texts: readonly string[]): { views: Uint8Array[]; buffer: ArrayBuffer } {
  let total = 0;
  for (const text of texts) total += Buffer.byteLength(text, 'utf8');
  const bytes = Buffer.allocUnsafeSlow(total);
  const views: Uint8Array[] = [];
  let at = 0;
  for (const text of texts) {
    const written = bytes.write(text, at, 'utf8');
    views.push(bytes.subarray(at, at + written));
    at += written;
  }
  return { views, buffer: bytes.buffer };
}

/** The text of a string or of its UTF-8 bytes. */
export function textOf(text: Text): string {
  return typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8');
}

/** UTF-8 bytes of a text, without copying bytes that already are. */
export function bytesOf(text: Text): Buffer {
  return typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
}
