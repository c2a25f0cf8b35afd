/**
 * A one-line progress bar on a terminal, plain "n/total" lines elsewhere (CI
 * logs), so long commands always show that they are moving. With `eta`, the
 * line also says about how long is left, from the rate so far.
 */
export function progressBar(
  label: string,
  stream: NodeJS.WriteStream = process.stdout,
  opts: { eta?: boolean; now?: () => number } = {},
) {
  let last = -1;
  const now = opts.now ?? Date.now;
  const started = now();
  const left = (done: number, total: number): string => {
    if (!opts.eta || done === 0 || done >= total) return '';
    const secs = Math.round((((now() - started) / done) * (total - done)) / 1000);
    const mm = Math.floor(secs / 60);
    return ` ~${mm}:${String(secs % 60).padStart(2, '0')}`;
  };
  return {
    update(done: number, total: number) {
      const pct = total ? Math.floor((done / total) * 100) : 100;
      if (stream.isTTY) {
        const width = 30;
        const filled = Math.round((pct / 100) * width);
        stream.write(
          `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${left(done, total)}${opts.eta ? '   ' : ''}`,
        );
      } else if (pct >= last + 10 || done === total) {
        last = pct;
        stream.write(`${label}: ${done}/${total}${left(done, total)}\n`);
      }
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
