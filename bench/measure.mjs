// Runs the bulletin CLI in this process and reports its peak memory and CPU time on exit, so
// that the benchmark needs no /usr/bin/time. Usage: node bench/measure.mjs <bulletin args…>
import fs from 'node:fs';

process.on('exit', () => {
  const u = process.resourceUsage();
  fs.writeSync(2, `\nBENCH_MAXRSS_KB ${u.maxRSS}\nBENCH_CPU_US ${u.userCPUTime + u.systemCPUTime}\n`);
});
process.argv = [process.argv[0], new URL('../bin/bulletin.js', import.meta.url).pathname, ...process.argv.slice(2)];
await import('../bin/bulletin.js');
