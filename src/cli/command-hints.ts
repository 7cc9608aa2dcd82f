/**
 * How a printed next step names the tool and an issue, the same way in every command: inside
 * a series made by `bulletin init` (its package.json depends on bulletin) the README's
 * `npx bulletin`, else `bulletin`; an issue by the argument that finds it again — its number,
 * year-number in a yearly series, its folder for a 增刊 (a bare number means a regular issue).
 */
import path from 'node:path';
import { readUserText } from '../sources/user-file.js';

export function toolCommand(seriesRoot: string): string {
  try {
    const pkg = JSON.parse(readUserText(path.join(seriesRoot, 'package.json'), { shown: 'package.json', maxBytes: 1024 * 1024 })) as Record<
      string,
      Record<string, string> | undefined
    >;
    if (pkg.dependencies?.bulletin || pkg.devDependencies?.bulletin) return 'npx bulletin';
  } catch {
    // No package.json, or not one of ours: the tool is installed globally.
  }
  return 'bulletin';
}

export function issueRef(
  numbering: 'continuous' | 'yearly',
  issue: { number: number; year: number; special?: string },
  folder: string,
): string {
  if (issue.special) return folder;
  return numbering === 'yearly' ? `${issue.year}-${issue.number}` : String(issue.number);
}
