-- AlterTable
ALTER TABLE "papers" ADD COLUMN     "merged_into_id" INTEGER;

-- CreateTable
CREATE TABLE "paper_merges" (
    "id" SERIAL NOT NULL,
    "source_id" INTEGER NOT NULL,
    "target_id" INTEGER NOT NULL,
    "actor_email" TEXT NOT NULL,
    "moved_upvote_user_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "moved_list_item_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "moved_feature_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "previous_hidden_at" TIMESTAMPTZ(3),
    "previous_hidden_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undone_at" TIMESTAMPTZ(3),
    "undone_by" TEXT,

    CONSTRAINT "paper_merges_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "paper_merges_source_id_idx" ON "paper_merges"("source_id");

-- CreateIndex
CREATE INDEX "paper_merges_target_id_idx" ON "paper_merges"("target_id");

-- CreateIndex
CREATE INDEX "paper_merges_created_at_idx" ON "paper_merges"("created_at");

-- CreateIndex
CREATE INDEX "papers_merged_into_id_idx" ON "papers"("merged_into_id");

-- AddForeignKey
ALTER TABLE "papers" ADD CONSTRAINT "papers_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "papers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "paper_merges" ADD CONSTRAINT "paper_merges_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "papers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "paper_merges" ADD CONSTRAINT "paper_merges_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "papers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
