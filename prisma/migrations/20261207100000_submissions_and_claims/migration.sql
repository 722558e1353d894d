-- Papers people submit to a day's list, and authorship claims (docs/features.md#submitting-a-paper).
-- Generated from schema.prisma, plus the partial unique indexes at the end (Prisma cannot express them).

-- CreateEnum
CREATE TYPE "claim_status" AS ENUM ('pending', 'approved', 'rejected', 'revoked');

-- CreateTable
CREATE TABLE "paper_submissions" (
    "id" SERIAL NOT NULL,
    "paper_id" INTEGER NOT NULL,
    "user_id" TEXT,
    "day" DATE NOT NULL,
    "input" TEXT NOT NULL,
    "submitter_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMPTZ(3),
    "removed_by" TEXT,
    "removed_reason" TEXT,

    CONSTRAINT "paper_submissions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "paper_claims" (
    "id" SERIAL NOT NULL,
    "paper_id" INTEGER NOT NULL,
    "author_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "status" "claim_status" NOT NULL DEFAULT 'pending',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by" TEXT,
    "decision_note" TEXT,

    CONSTRAINT "paper_claims_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "paper_submissions_user_id_day_idx" ON "paper_submissions"("user_id", "day");

-- CreateIndex
CREATE INDEX "paper_submissions_created_at_idx" ON "paper_submissions"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "paper_submissions_paper_id_day_key" ON "paper_submissions"("paper_id", "day");

-- CreateIndex
CREATE INDEX "paper_claims_paper_id_author_id_idx" ON "paper_claims"("paper_id", "author_id");

-- CreateIndex
CREATE INDEX "paper_claims_user_id_idx" ON "paper_claims"("user_id");

-- CreateIndex
CREATE INDEX "paper_claims_author_id_idx" ON "paper_claims"("author_id");

-- CreateIndex
CREATE INDEX "paper_claims_status_created_at_idx" ON "paper_claims"("status", "created_at");

-- AddForeignKey
ALTER TABLE "paper_submissions" ADD CONSTRAINT "paper_submissions_paper_id_fkey" FOREIGN KEY ("paper_id") REFERENCES "papers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "paper_submissions" ADD CONSTRAINT "paper_submissions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "paper_claims" ADD CONSTRAINT "paper_claims_paper_id_fkey" FOREIGN KEY ("paper_id") REFERENCES "papers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "paper_claims" ADD CONSTRAINT "paper_claims_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "authors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "paper_claims" ADD CONSTRAINT "paper_claims_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- One live claim per person and paper (a person is one author of a paper, pending or approved).
CREATE UNIQUE INDEX "paper_claims_live_per_person_key" ON "paper_claims"("paper_id", "user_id") WHERE "status" IN ('pending', 'approved');

-- One person holds an author of a paper at a time: approving another's claim revokes the first.
CREATE UNIQUE INDEX "paper_claims_approved_author_key" ON "paper_claims"("paper_id", "author_id") WHERE "status" = 'approved';
