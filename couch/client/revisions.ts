/** The generation of a CouchDB revision: `3-abc…` → 3, the number of edits the document has had. */
export const revGeneration = (rev: string | undefined): number => Number.parseInt(rev?.split('-')[0] ?? '', 10) || 0;
