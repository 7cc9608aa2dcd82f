/**
 * Ids of the parts of the web edition that other pages link to (the archive index's search
 * results point at items). One definition, so the link and the target cannot drift apart.
 */
export const entryAnchor = (sectionIndex: number, entryIndex: number): string => `item-${sectionIndex + 1}-${entryIndex + 1}`;
