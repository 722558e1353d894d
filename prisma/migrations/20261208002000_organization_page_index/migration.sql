-- Written by hand (Prisma's schema cannot say NULLS LAST in an index).
-- An organization's page lists its papers newest first, undated last, ties by id: with only
-- an index on organization_id, every paper of the organization was read and sorted to take a
-- page of 30 (tens of thousands for a large lab at a million papers). This index is in the
-- page's order, so the page is its first rows; it starts with organization_id, so it also
-- serves what the old one did (the foreign key's ON DELETE SET NULL, lookups by organization).
CREATE INDEX "papers_organization_id_published_at_id_idx"
    ON "papers"("organization_id", "published_at" DESC NULLS LAST, "id" DESC);
DROP INDEX "papers_organization_id_idx";
