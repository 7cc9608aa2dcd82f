// Runs the bulletin CLI in this process and reports its peak memory on exit, so that the
// benchmark needs no /usr/bin/time. Usage: node bench/measure.mjs <bulletin args…>
import fs from 'node:fs';

process.on('exit', () => {
  fs.writeSync(2, `\nBENCH_MAXRSS_KB ${process.resourceUsage().maxRSS}\n`);
});
process.argv = [process.argv[0], new URL('../bin/bulletin.js', import.meta.url).pathname, ...process.argv.slice(2)];
await import('../bin/bulletin.js');
