// Preloaded (NODE_OPTIONS=--import) by bundle.test.ts: on SIGUSR2 the server
// prints the Node built-in modules it has loaded so far, so a test can see that
// serving pages did not pull in one it has no use for.
process.on('SIGUSR2', () => {
  const loaded = process.moduleLoadList
    .filter((entry) => entry.startsWith('NativeModule '))
    .map((entry) => entry.slice('NativeModule '.length));
  process.stdout.write(`BUILTINS ${JSON.stringify(loaded)}\n`);
});
