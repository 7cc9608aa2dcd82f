/** index.html of the archive: readable offline from the folder, in Chinese, by year. */
import type { Manifest } from './manifest.js';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const FORMAT_NAMES: Record<string, string> = { pdf: 'PDF（印刷版）', docx: 'Word（可编辑）' };

export function indexHtml(m: Manifest): string {
  const years = new Map<string, Manifest['issues']>();
  for (const i of m.issues) {
    const y = i.date.slice(0, 4);
    years.set(y, [...(years.get(y) ?? []), i]);
  }
  const yearList = [...years.keys()].sort().reverse();
  const sections = yearList
    .map((y) => {
      const rows = [...years.get(y)!]
        .reverse()
        .map((i) => {
          const date = i.date.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');
          const contents = [i.note ? `编者按：${i.note}` : '', ...i.sections.map((s) => `${s.name} ${s.items} 篇`)].filter(Boolean).join('；');
          const articles = i.articles.length ? `<div class="articles">${i.articles.map(esc).join('<br>')}</div>` : '';
          const links = i.files
            .map((f) => `<a href="${encodeURI(f.path)}">${esc(FORMAT_NAMES[f.format] ?? f.format)}</a> <span class="meta">${f.pages} 页，${Math.max(1, Math.round(f.size / 1024))} KB</span>`)
            .join('<br>');
          return `<tr><td class="label">${esc(i.label)}${i.totalLabel ? `<br><span class="meta">${esc(i.totalLabel)}</span>` : ''}${i.issued ? `<br><span class="issued">已印发</span>` : ''}</td><td>${esc(date)}</td><td>${esc(contents)}${articles}</td><td>${links}</td></tr>`;
        })
        .join('\n');
      return `<h2>${esc(y)}年</h2>\n<table>\n<thead><tr><th>期号</th><th>日期</th><th>内容</th><th>文件</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(m.name)} 存档</title>
<style>
body { font-family: "仿宋_GB2312", FangSong, "Noto Serif CJK SC", serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #222; }
h1 { color: #c00; font-family: "方正小标宋简体", "SimSun", serif; text-align: center; }
.series { text-align: center; color: #c00; }
table { border-collapse: collapse; width: 100%; margin-bottom: 2em; }
th, td { border: 1px solid #999; padding: 0.4em 0.6em; vertical-align: top; text-align: left; }
th { background: #f3f3f3; }
.label { white-space: nowrap; font-weight: bold; }
.meta { color: #666; font-size: 0.85em; }
.issued { color: #c00; font-size: 0.85em; font-weight: normal; }
.articles { color: #444; font-size: 0.9em; margin-top: 0.3em; }
</style>
</head>
<body>
<p class="series">${esc(m.series)}</p>
<h1>${esc(m.name)}</h1>
<p class="meta" style="text-align:center">${esc(m.publisher)} 编印 · 共 ${m.issues.length} 期 · 由 bulletin ${esc(m.tool.version)} 生成，文件的 SHA-256 见 manifest.json</p>
${sections}
</body>
</html>
`;
}
