/**
 * Ids of the parts of the web edition that other pages link to (the archive index's search
 * results point at items). An item is numbered by its place among all items and articles of
 * the issue in reading order — the same order in the model and in the galley — so the link
 * and the target cannot drift apart.
 */
export const entryAnchor = (ordinal: number): string => `item-${ordinal + 1}`;

/**
 * The HTML id of every block that opens an outline entry, by outline id, in reading order:
 * an item or article (level 1) by its place (entryAnchor), a column head or the editor's note
 * by its own id. The blocks take their ids from here and the contents box links to them.
 */
export function anchorIds(blocks: ReadonlyArray<{ outline?: { id: string; level: number } }>): Map<string, string> {
  const ids = new Map<string, string>();
  let ordinal = 0;
  for (const b of blocks) if (b.outline) ids.set(b.outline.id, b.outline.level === 1 ? entryAnchor(ordinal++) : b.outline.id);
  return ids;
}
