/**
 * Labels as printed on the masthead (第9期, 2024年第3期, 总第21期, 增刊第1期), the output file
 * stems, and the folder names `new` gives: from the templates directly and through the model.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { fileStem, issueFolderName, issueLabel, totalLabel } from '../../src/numbering/label.js';
import { bulletinYaml, cleanupTemp, issueYaml, makeSeries, newsItem, requireModel } from '../helpers/series.js';

afterAll(cleanupTemp);

const plain = { label: '第{n}期', specialLabel: '{special}第{n}期' };
const yearly = { label: '{year}年第{n}期', specialLabel: '{year}年{special}第{n}期' };

describe('issueLabel', () => {
  test('第{n}期 and {year}年第{n}期', () => {
    expect(issueLabel(plain, { number: 9, year: 2024 })).toBe('第9期');
    expect(issueLabel(yearly, { number: 3, year: 2024 })).toBe('2024年第3期');
  });

  test('specials use specialLabel', () => {
    expect(issueLabel(plain, { number: 1, year: 2024, special: '增刊' })).toBe('增刊第1期');
    expect(issueLabel(yearly, { number: 2, year: 2025, special: '专刊' })).toBe('2025年专刊第2期');
  });

  test('a template may use every placeholder, more than once', () => {
    expect(issueLabel({ label: '{year}-{n}（{n}）', specialLabel: '' }, { number: 4, year: 2024 })).toBe('2024-4（4）');
  });
});

describe('totalLabel', () => {
  test('总第{total}期 when the series has one and the issue has a total', () => {
    expect(totalLabel({ totalLabel: '总第{total}期' }, { number: 1, year: 2024, total: 21 })).toBe('总第21期');
  });

  test('none without a template, without a total, or for a special', () => {
    expect(totalLabel({ totalLabel: undefined }, { number: 1, year: 2024, total: 21 })).toBeUndefined();
    expect(totalLabel({ totalLabel: '总第{total}期' }, { number: 1, year: 2024 })).toBeUndefined();
    expect(totalLabel({ totalLabel: '总第{total}期' }, { number: 1, year: 2024, total: 5, special: '增刊' })).toBeUndefined();
  });
});

describe('fileStem', () => {
  test('name + label, no spaces', () => {
    expect(fileStem('工作动态', '第9期')).toBe('工作动态第9期');
    expect(fileStem('工作动态', '2024年第3期')).toBe('工作动态2024年第3期');
    expect(fileStem('工作 动态', '增刊 第1期')).toBe('工作动态增刊第1期');
  });

  test('brackets dropped and characters Windows forbids replaced', () => {
    expect(fileStem('工作动态（试行）', '第1期')).toBe('工作动态试行第1期');
    expect(fileStem('工作动态', '2024/3:"A"?*<>|\\')).toBe('工作动态2024-3--A-------');
  });
});

describe('issueFolderName', () => {
  test('continuous: three digits', () => {
    expect(issueFolderName('continuous', { number: 9, year: 2024 })).toBe('009');
    expect(issueFolderName('continuous', { number: 1234, year: 2024 })).toBe('1234');
  });

  test('yearly: year-two digits', () => {
    expect(issueFolderName('yearly', { number: 3, year: 2024 })).toBe('2024-03');
  });

  test('specials: kind-two digits, with the year when yearly', () => {
    expect(issueFolderName('continuous', { number: 1, year: 2024, special: '增刊' })).toBe('增刊-01');
    expect(issueFolderName('yearly', { number: 1, year: 2024, special: '增刊' })).toBe('2024-增刊-01');
  });
});

describe('through the model', () => {
  test('a yearly series: 2024年第2期, 总第 counted across years, file stem', () => {
    const dir = makeSeries({
      'bulletin.yaml': bulletinYaml('numbering: yearly\nlabel: "{year}年第{n}期"\ntotalLabel: 总第{total}期\ntotalOffset: 10'),
      'issues/2023-01/issue.yaml': issueYaml(1, '2023-11-01'),
      'issues/2024-01/issue.yaml': issueYaml(1, '2024-02-01'),
      'issues/2024-02/issue.yaml': issueYaml(2, '2024-05-20'),
      'issues/2024-02/a.md': newsItem('省级动态', '推进会召开', '正文。'),
    });
    const issue = requireModel(dir, 'issues/2024-02');
    expect(issue.masthead.label).toBe('2024年第2期');
    expect(issue.masthead.totalLabel).toBe('总第13期');
    expect(issue.meta.fileStem).toBe('工作动态2024年第2期');
    expect(issue.meta.title).toBe('工作动态 2024年第2期');
  });

  test('a 增刊: its own label, no 总第 line, its own file stem', () => {
    const dir = makeSeries({
      'bulletin.yaml': bulletinYaml('totalLabel: 总第{total}期'),
      'issues/009/issue.yaml': issueYaml(9, '2024-04-24'),
      'issues/增刊-01/issue.yaml': issueYaml(1, '2024-05-01', 'special: 增刊'),
      'issues/增刊-01/a.md': newsItem('省级动态', '推进会召开', '正文。'),
    });
    const issue = requireModel(dir, 'issues/增刊-01');
    expect(issue.masthead.label).toBe('增刊第1期');
    expect(issue.masthead.totalLabel).toBeUndefined();
    expect(issue.meta.special).toBe('增刊');
    expect(issue.meta.fileStem).toBe('工作动态增刊第1期');
  });

  test('total: in issue.yaml overrides the counted one', () => {
    const dir = makeSeries({
      'bulletin.yaml': bulletinYaml('totalLabel: 总第{total}期'),
      'issues/009/issue.yaml': issueYaml(9, '2024-04-24', 'total: 120'),
      'issues/009/a.md': newsItem('省级动态', '推进会召开', '正文。'),
    });
    expect(requireModel(dir, '9').masthead.totalLabel).toBe('总第120期');
  });
});
