/** The unit register of bulletin.yaml: canonical names, aliases, kinds, and names found in text. */
import { afterAll, describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { loadSeries } from '../../src/config/series.js';
import { UnitRegistry } from '../../src/units/registry.js';
import { SAMPLE, buildModel, bulletinYaml, cleanupTemp, issueYaml, makeSeries, newsItem } from '../helpers/series.js';

afterAll(cleanupTemp);

const UNITS = `units:
  - name: 赣南师范大学
    kind: 高校
    aliases: [赣南师大]
  - name: 江西师范大学
    kind: 高校
    aliases: [江西师大]
  - name: 赣州市教育局
    kind: 设区市
    aliases: [赣州市, 赣州]
  - name: 赣县区教科体局
    kind: 县区
    aliases: [赣县区]`;

function seriesWith(extra: string): { diags: Diagnostics; registry: UnitRegistry | undefined } {
  const dir = makeSeries({ 'bulletin.yaml': bulletinYaml(extra) });
  const diags = new Diagnostics();
  return { diags, registry: loadSeries(dir, diags)?.units };
}

describe('the unit register', () => {
  it('resolves names and aliases to the canonical name, whatever the spacing', () => {
    const { diags, registry } = seriesWith(UNITS);
    expect(diags.list).toEqual([]);
    expect(registry!.resolve('赣南师大')?.name).toBe('赣南师范大学');
    expect(registry!.resolve(' 赣州市 ')?.name).toBe('赣州市教育局');
    expect(registry!.resolve('赣 南 师 范 大 学')?.name).toBe('赣南师范大学');
    expect(registry!.resolve('南昌大学')).toBeUndefined();
    expect(registry!.canonical('江西师大')).toBe('江西师范大学');
    expect(registry!.canonical('南昌大学')).toBe('南昌大学');
    expect(registry!.resolve('赣州')?.kind).toBe('设区市');
  });

  it('finds every unit a text names, the longest spelling winning, each once and in order', () => {
    const { registry } = seriesWith(UNITS);
    const found = registry!.findIn('赣南师范大学与赣州市赣县区签约，江西师大、赣南师大到会，赣州市教育局主持');
    expect(found.map((m) => m.unit.name)).toEqual(['赣南师范大学', '赣州市教育局', '赣县区教科体局', '江西师范大学']);
    // 赣州 inside 赣州市 is not a second mention, and 赣县区 is not read as 赣 + 县区.
    expect(registry!.findIn('赣州市召开推进会').map((m) => m.text)).toEqual(['赣州市']);
    expect(registry!.findIn('没有任何单位名')).toEqual([]);
  });

  it('suggests the registered name for a near miss', () => {
    const { registry } = seriesWith(UNITS);
    expect(registry!.suggest('赣南师范大学教务处')).toBe('赣南师范大学');
    expect(registry!.suggest('江西师范大')).toBe('江西师范大学');
  });

  it('refuses a name that two units share, and a kind nobody declared, at their lines', () => {
    const { diags } = seriesWith(`units:
  - name: 赣南师范大学
    kind: 高校
    aliases: [赣南师大]
  - name: 赣南师大附中
    kind: 中学
    aliases: [赣南师大]`);
    const errors = diags.errors.map((d) => [d.rule, d.line]);
    expect(errors).toContainEqual(['unit-kind-unknown', 20]);
    expect(errors).toContainEqual(['unit-name-twice', 21]);
    expect(diags.errors.find((d) => d.rule === 'unit-name-twice')!.message).toContain('“赣南师大”已经是单位“赣南师范大学”的名称或别名');
  });

  it('accepts the series’ own kinds from unitKinds', () => {
    const { diags, registry } = seriesWith(`unitKinds: [高校, 中学]\nunits:\n  - name: 赣南师大附中\n    kind: 中学`);
    expect(diags.list).toEqual([]);
    expect(registry!.ofKind('中学').map((u) => u.name)).toEqual(['赣南师大附中']);
  });

  it('the sample series registers the universities and the 11 设区市 of Jiangxi', () => {
    const diags = new Diagnostics();
    const units = loadSeries(SAMPLE, diags)!.units;
    expect(diags.list).toEqual([]);
    expect(units.ofKind('设区市')).toHaveLength(11);
    expect(units.resolve('赣南师大')?.name).toBe('赣南师范大学');
    expect(units.resolve('江西师大')?.name).toBe('江西师范大学');
  });
});

describe('unit: in front matter', () => {
  const issue = (front: string): ReturnType<typeof buildModel> =>
    buildModel(
      makeSeries({
        'bulletin.yaml': bulletinYaml(UNITS),
        'issues/001/issue.yaml': issueYaml(1, '2024-05-01'),
        'issues/001/10.md': newsItem('高校动态', '赣南师范大学召开推进会。', '5月1日，会议召开。', front),
      }),
    );

  it('prints and records the canonical name of an alias', () => {
    const m = issue('unit: 赣南师大');
    expect(m.warnings).toEqual([]);
    const item = m.issue!.sections[0]!.entries[0]!;
    expect(item.units).toEqual(['赣南师范大学']);
    expect(item.unit).toBe('赣南师范大学');
  });

  it('keeps several units, each canonical', () => {
    const m = issue('unit: [赣州, 赣南师大]');
    expect(m.issue!.sections[0]!.entries[0]!.units).toEqual(['赣州市教育局', '赣南师范大学']);
  });

  it('warns, at the unit: line, on a name the register does not know, with the nearest one', () => {
    const m = issue('unit: 赣南师范大学教务处');
    expect(m.warnings).toHaveLength(1);
    expect(m.warnings[0]).toMatchObject({ rule: 'unit-unknown', file: 'issues/001/10.md', line: 3 });
    expect(m.warnings[0]!.message).toContain('是不是“赣南师范大学”？');
    expect(m.issue!.sections[0]!.entries[0]!.units).toEqual(['赣南师范大学教务处']);
  });

  it('does not warn when the series keeps no register', () => {
    const m = buildModel(
      makeSeries({
        'issues/001/issue.yaml': issueYaml(1, '2024-05-01'),
        'issues/001/10.md': newsItem('高校动态', '某校召开推进会。', '5月1日，会议召开。', 'unit: 某某大学'),
      }),
    );
    expect(m.warnings).toEqual([]);
  });
});
