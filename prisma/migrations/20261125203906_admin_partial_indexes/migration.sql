-- DropIndex
DROP INDEX "papers_merged_into_id_idx";

-- Written by hand (Prisma's schema has no partial indexes without a preview feature).
-- Few papers are hidden or merged: index only those, for the admin lists and counts, and
-- for the merged_into_id foreign key when a paper is deleted.
CREATE INDEX "papers_hidden_at_idx" ON "papers"("hidden_at") WHERE "hidden_at" IS NOT NULL;
CREATE INDEX "papers_merged_into_id_idx" ON "papers"("merged_into_id") WHERE "merged_into_id" IS NOT NULL;
