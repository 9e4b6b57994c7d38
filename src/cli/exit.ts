/**
 * Ends the process with `code` once everything written to stdout and stderr has reached the
 * reader. `process.exit()` on its own drops output still queued for a pipe: a reader that is
 * slower than the tool (a batch job, `| head`, a CI log) would get a cut-off stream and exit 0.
 */
export function exitAfterOutput(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  // A write's callback runs after every earlier write to the same stream has been handed to the OS.
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.destroyed || !stream.writable) done();
    else stream.write('', done);
  }
}

/** Writes a chunk, waiting while the stream's buffer is full, so a slow reader never makes output pile up in memory. */
export async function writeWithBackpressure(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (stream.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const cleanup = () => {
      stream.off('drain', onDrain);
      stream.off('error', onError);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    stream.on('drain', onDrain);
    stream.on('error', onError);
  });
}
