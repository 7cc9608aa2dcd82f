/**
 * index.html of the archive: readable offline from the folder, in Chinese, by year. Each issue
 * lists its items' headlines and units under their columns; a search box finds items by any
 * word of their title or text through the bigram index built here, at archive time, with a
 * small inline script that needs no server (it works from file://).
 */
import type { Manifest, ManifestIssue } from './manifest.js';
import { buildSearchIndex, SEARCH_SOURCE } from './search-index.js';
import { markupAttr as esc } from '../output/escape.js';

const FORMAT_NAMES: Record<string, string> = { pdf: 'PDF（印刷版）', docx: 'Word（可编辑）', html: '网页版', wechat: '公众号版（网页）' };

/**
 * A link to an archived file, always relative to the page: each part percent-encoded (so a `#`
 * or `?` in a name stays part of it) behind `./`, so that no manifest path, however written,
 * can become another scheme (javascript:, data:, https:) or leave the folder.
 */
export function fileHref(p: string): string {
  return `./${p.split('/').map(encodeURIComponent).join('/')}`;
}

const cnDate = (iso: string): string => iso.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');

/** Where an item of an issue links to: its place in the web edition, else the PDF. */
function itemHref(i: ManifestIssue, anchor: string): string | undefined {
  const html = i.files.find((f) => f.format === 'html');
  if (html) return `${fileHref(html.path)}#${encodeURIComponent(anchor)}`;
  const pdf = i.files.find((f) => f.format === 'pdf');
  return pdf ? fileHref(pdf.path) : undefined;
}

function contents(i: ManifestIssue): string {
  if (!i.items) {
    // An archive written before items were recorded: the summary it has.
    const summary = [i.note ? `编者按：${i.note}` : '', ...i.sections.map((s) => `${s.name} ${s.items} 篇`)].filter(Boolean).join('；');
    const articles = i.articles.length ? `<div class="articles">${i.articles.map(esc).join('<br>')}</div>` : '';
    return esc(summary) + articles;
  }
  const note = i.note ? `<div class="note">编者按：${esc(i.note)}</div>` : '';
  const sections = i.sections
    .map((s) => {
      const items = i.items!.filter((it) => it.section === s.name);
      const lis = items
        .map((it) => {
          const href = itemHref(i, it.anchor);
          const title = href ? `<a href="${esc(href)}">${esc(it.title)}</a>` : esc(it.title);
          return `<li>${title}${it.unit ? ` <span class="unit">（${esc(it.unit)}）</span>` : ''}</li>`;
        })
        .join('');
      return `<div class="section">【${esc(s.name)}】</div><ul>${lis}</ul>`;
    })
    .join('');
  return note + sections;
}

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
          const links = i.files
            .map(
              (f) =>
                `<a href="${esc(fileHref(f.path))}">${esc(FORMAT_NAMES[f.format] ?? f.format)}</a> <span class="meta">${f.format === 'pdf' || f.format === 'docx' ? `${f.pages} 页，` : ''}${Math.max(1, Math.round(f.size / 1024))} KB</span>`,
            )
            .join('<br>');
          return `<tr><td class="label">${esc(i.label)}${i.totalLabel ? `<br><span class="meta">${esc(i.totalLabel)}</span>` : ''}${i.issued ? `<br><span class="issued">已印发</span>` : ''}</td><td>${esc(cnDate(i.date))}</td><td>${contents(i)}</td><td class="files">${links}</td></tr>`;
        })
        .join('\n');
      return `<h2>${esc(y)}年</h2>\n<table>\n<thead><tr><th>期号</th><th>日期</th><th>内容</th><th>文件</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
    })
    .join('\n');

  // Search data: one entry per item, its text indexed with the headline and unit.
  const entries = m.issues.flatMap((i) =>
    (i.items ?? []).map((it) => ({
      doc: [it.title, it.unit ?? '', it.text].join('\n'),
      show: { l: i.label, d: cnDate(i.date), t: it.title, u: it.unit ?? '', h: itemHref(i, it.anchor) ?? '' },
    })),
  );
  const data = { index: buildSearchIndex(entries.map((e) => e.doc)), items: entries.map((e) => e.show) };
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const search = entries.length
    ? `<form id="search" role="search" onsubmit="return false"><label for="q">查找稿件</label> <input id="q" type="search" placeholder="输入标题或正文中的词，如：赣州" autocomplete="off"> <span id="count" class="meta" aria-live="polite"></span></form>
<ol id="results"></ol>
<noscript><p class="meta">查找需要浏览器允许运行本页的脚本；下面的目录不需要。</p></noscript>
<script>
var DATA = ${json};
${SEARCH_SOURCE}
(function () {
  var q = document.getElementById('q'), out = document.getElementById('results'), count = document.getElementById('count');
  // The hits are built as elements with textContent: nothing from the archive is ever parsed as markup.
  function add(parent, tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    parent.appendChild(e);
    return e;
  }
  function show() {
    var text = q.value.trim();
    out.textContent = '';
    if (!text) { count.textContent = ''; return; }
    var hits = find(DATA.index, text);
    count.textContent = hits.length ? '找到 ' + hits.length + ' 篇' : '没有找到';
    hits.forEach(function (n) {
      var it = DATA.items[n], li = add(out, 'li');
      if (it.h) add(li, 'a', '', it.t).setAttribute('href', it.h);
      else li.appendChild(document.createTextNode(it.t));
      if (it.u) { li.appendChild(document.createTextNode(' ')); add(li, 'span', 'unit', '（' + it.u + '）'); }
      li.appendChild(document.createTextNode(' '));
      add(li, 'span', 'meta', it.l + ' · ' + it.d);
    });
  }
  q.addEventListener('input', show);
  show();
})();
</script>`
    : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(m.name)} 存档</title>
<style>
body { font-family: "仿宋_GB2312", "仿宋", FangSong, "STFangsong", "Noto Serif CJK SC", serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #222; }
h1 { color: #c00; font-family: "方正小标宋简体", "SimSun", serif; text-align: center; }
.series { text-align: center; color: #c00; }
table { border-collapse: collapse; width: 100%; margin-bottom: 2em; }
th, td { border: 1px solid #999; padding: 0.4em 0.6em; vertical-align: top; text-align: left; }
th { background: #f3f3f3; }
.label { white-space: nowrap; font-weight: bold; }
.meta { color: #666; font-size: 0.85em; }
.unit { color: #555; }
.issued { color: #c00; font-size: 0.85em; font-weight: normal; }
.articles { color: #444; font-size: 0.9em; margin-top: 0.3em; }
.section { font-weight: bold; margin-top: 0.3em; }
td ul { margin: 0.2em 0 0.4em; padding-left: 1.2em; }
#search { margin: 1em 0; }
#q { font-size: 1em; padding: 0.3em 0.5em; width: 20em; max-width: 70%; }
@media (max-width: 40em) { table, thead, tbody, tr, th, td { display: block; } thead { display: none; } td { border: none; padding: 0.2em 0; } tr { border-top: 1px solid #999; padding: 0.5em 0; } }
</style>
</head>
<body>
<p class="series">${esc(m.series)}</p>
<h1>${esc(m.name)}</h1>
<p class="meta" style="text-align:center">${esc(m.publisher)} 编印 · 共 ${m.issues.length} 期 · 由 bulletin ${esc(m.tool.version)} 生成，文件的 SHA-256 见 manifest.json</p>
${search}
${sections}
</body>
</html>
`;
}
