// Runs a script in this process and reports its peak memory and CPU time on exit, like
// measure.mjs does for the CLI. Usage: node bench/measure-any.mjs <script> <args…>
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

process.on('exit', () => {
  const u = process.resourceUsage();
  fs.writeSync(2, `\nBENCH_MAXRSS_KB ${u.maxRSS}\nBENCH_CPU_US ${u.userCPUTime + u.systemCPUTime}\n`);
});
const script = process.argv[2];
process.argv = [process.argv[0], script, ...process.argv.slice(3)];
await import(pathToFileURL(script).href);
