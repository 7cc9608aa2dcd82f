/**
 * Ids of the parts of the web edition that other pages link to (the archive index's search
 * results point at items). An item is numbered by its place among all items and articles of
 * the issue in reading order — the same order in the model and in the galley — so the link
 * and the target cannot drift apart.
 */
export const entryAnchor = (ordinal: number): string => `item-${ordinal + 1}`;
