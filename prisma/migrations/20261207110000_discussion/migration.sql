-- AlterTable
ALTER TABLE "papers" ADD COLUMN     "user_comments" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "discussion_emails" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "comments" (
    "id" SERIAL NOT NULL,
    "paper_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "parent_id" INTEGER,
    "body" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "render_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "edited_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "deleted_by" TEXT,
    "hidden_at" TIMESTAMPTZ(3),
    "hidden_reason" TEXT,
    "report_count" INTEGER NOT NULL DEFAULT 0,
    "notified_at" TIMESTAMPTZ(3),

    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment_reports" (
    "comment_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_reports_pkey" PRIMARY KEY ("comment_id","user_id")
);

-- CreateTable
CREATE TABLE "discussion_follows" (
    "user_id" TEXT NOT NULL,
    "paper_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "discussion_follows_pkey" PRIMARY KEY ("user_id","paper_id")
);

-- CreateTable
CREATE TABLE "comment_notifications" (
    "comment_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "comment_notifications_pkey" PRIMARY KEY ("comment_id","user_id")
);

-- CreateIndex
CREATE INDEX "comments_paper_id_id_idx" ON "comments"("paper_id", "id");

-- CreateIndex
CREATE INDEX "comments_parent_id_idx" ON "comments"("parent_id");

-- CreateIndex
CREATE INDEX "comments_user_id_created_at_idx" ON "comments"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "discussion_follows_paper_id_idx" ON "discussion_follows"("paper_id");

-- CreateIndex
CREATE INDEX "comment_notifications_user_id_idx" ON "comment_notifications"("user_id");

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_paper_id_fkey" FOREIGN KEY ("paper_id") REFERENCES "papers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_reports" ADD CONSTRAINT "comment_reports_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_reports" ADD CONSTRAINT "comment_reports_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discussion_follows" ADD CONSTRAINT "discussion_follows_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discussion_follows" ADD CONSTRAINT "discussion_follows_paper_id_fkey" FOREIGN KEY ("paper_id") REFERENCES "papers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_notifications" ADD CONSTRAINT "comment_notifications_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_notifications" ADD CONSTRAINT "comment_notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand below this line.

-- The admin page lists reported comments, and the notifier sweeps comments not yet notified:
-- both are few among many, so partial indexes keep them one small index scan.
CREATE INDEX "comments_reported_idx" ON "comments" ("report_count" DESC, "id") WHERE "report_count" > 0;
CREATE INDEX "comments_unnotified_idx" ON "comments" ("created_at") WHERE "notified_at" IS NULL;

-- papers.user_comments is the number of this server's comments shown under the paper (not deleted,
-- not hidden). A trigger keeps it in step in the transaction that changes a comment (including rows
-- removed by a cascade when an account or a paper goes), under the paper row's lock, so concurrent
-- comments never lose a count.
CREATE FUNCTION comments_count_trigger() RETURNS trigger
  LANGUAGE plpgsql AS $fn$
DECLARE
  was integer := 0;
  now_shown integer := 0;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."deleted_at" IS NULL AND OLD."hidden_at" IS NULL THEN
    was := 1;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."deleted_at" IS NULL AND NEW."hidden_at" IS NULL THEN
    now_shown := 1;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."paper_id" <> NEW."paper_id" THEN
    UPDATE "papers" SET "user_comments" = "user_comments" - was WHERE "id" = OLD."paper_id" AND was = 1;
    UPDATE "papers" SET "user_comments" = "user_comments" + now_shown WHERE "id" = NEW."paper_id" AND now_shown = 1;
  ELSIF now_shown <> was THEN
    UPDATE "papers" SET "user_comments" = "user_comments" + (now_shown - was)
     WHERE "id" = (CASE WHEN TG_OP = 'DELETE' THEN OLD."paper_id" ELSE NEW."paper_id" END);
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER "comments_count" AFTER INSERT OR UPDATE OF "deleted_at", "hidden_at", "paper_id" OR DELETE ON "comments"
  FOR EACH ROW EXECUTE FUNCTION comments_count_trigger();
