-- "For you" recommendations: per-paper term vectors (hashed unigrams and bigrams of title and
-- abstract, sublinear tf), their document frequencies, each person's "Not interested" marks and
-- settings, and the scores the job worker computes (a page read is a lookup in rec_scores).

CREATE TABLE "rec_paper_terms" (
    "paper_id" INTEGER NOT NULL PRIMARY KEY REFERENCES "papers"("id") ON DELETE CASCADE,
    "idx" INTEGER[] NOT NULL,
    "tf" REAL[] NOT NULL
);

CREATE TABLE "rec_df" (
    "feature" INTEGER NOT NULL PRIMARY KEY,
    "df" INTEGER NOT NULL
);

CREATE TABLE "rec_dismissals" (
    "user_id" TEXT NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
    "paper_id" INTEGER NOT NULL REFERENCES "papers"("id") ON DELETE CASCADE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY ("user_id", "paper_id")
);

CREATE TABLE "rec_profiles" (
    "user_id" TEXT NOT NULL PRIMARY KEY REFERENCES "users"("id") ON DELETE CASCADE,
    "paused_at" TIMESTAMPTZ(3),
    "stale_at" TIMESTAMPTZ(3),
    "computed_at" TIMESTAMPTZ(3),
    "signals" INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX "rec_profiles_stale_at_idx" ON "rec_profiles"("stale_at") WHERE "stale_at" IS NOT NULL;

CREATE TABLE "rec_scores" (
    "user_id" TEXT NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
    "paper_id" INTEGER NOT NULL REFERENCES "papers"("id") ON DELETE CASCADE,
    "score" REAL NOT NULL,
    "reason_paper_id" INTEGER REFERENCES "papers"("id") ON DELETE SET NULL,
    "reason_words" TEXT[] NOT NULL DEFAULT '{}',
    PRIMARY KEY ("user_id", "paper_id")
);
CREATE INDEX "rec_scores_paper_id_idx" ON "rec_scores"("paper_id");

CREATE TABLE "rec_list_scores" (
    "list_id" INTEGER NOT NULL REFERENCES "reading_lists"("id") ON DELETE CASCADE,
    "paper_id" INTEGER NOT NULL REFERENCES "papers"("id") ON DELETE CASCADE,
    "score" REAL NOT NULL,
    "reason_paper_id" INTEGER REFERENCES "papers"("id") ON DELETE SET NULL,
    "reason_words" TEXT[] NOT NULL DEFAULT '{}',
    PRIMARY KEY ("list_id", "paper_id")
);
CREATE INDEX "rec_list_scores_paper_id_idx" ON "rec_list_scores"("paper_id");

ALTER TABLE "reading_lists" ADD COLUMN "rec_stale_at" TIMESTAMPTZ(3);

ALTER TABLE "subscriptions" ADD COLUMN "order" TEXT NOT NULL DEFAULT 'trending';
