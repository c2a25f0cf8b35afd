/**
 * A one-line progress bar on a terminal, plain "n/total" lines elsewhere (CI
 * logs), so long commands always show that they are moving.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stdout) {
  let last = -1;
  return {
    update(done: number, total: number) {
      const pct = total ? Math.floor((done / total) * 100) : 100;
      if (stream.isTTY) {
        const width = 30;
        const filled = Math.round((pct / 100) * width);
        stream.write(
          `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`,
        );
      } else if (pct >= last + 10 || done === total) {
        last = pct;
        stream.write(`${label}: ${done}/${total}\n`);
      }
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
