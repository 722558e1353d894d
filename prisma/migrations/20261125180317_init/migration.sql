-- CreateEnum
CREATE TYPE "ingest_trigger" AS ENUM ('api', 'cli', 'schedule', 'seed');

-- CreateEnum
CREATE TYPE "ingest_status" AS ENUM ('running', 'succeeded', 'failed', 'not_modified');

-- CreateTable
CREATE TABLE "papers" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "arxiv_id" TEXT,
    "title_key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "abstract" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "upvotes" INTEGER NOT NULL DEFAULT 0,
    "num_comments" INTEGER NOT NULL DEFAULT 0,
    "github_repo" TEXT,
    "github_stars" INTEGER,
    "project_page" TEXT,
    "ai_summary" TEXT,
    "ai_keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "thumbnail" TEXT,
    "media_urls" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "categories" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "comment" TEXT,
    "author_count" INTEGER,
    "organization_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "papers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "authors" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "hf_user" TEXT,

    CONSTRAINT "authors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "paper_authors" (
    "paper_id" INTEGER NOT NULL,
    "author_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "paper_authors_pkey" PRIMARY KEY ("paper_id","position")
);

-- CreateTable
CREATE TABLE "organizations" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "fullname" TEXT,
    "avatar" TEXT,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "paper_features" (
    "id" SERIAL NOT NULL,
    "paper_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "featured_at" TIMESTAMPTZ(3) NOT NULL,
    "submitter_name" TEXT,
    "submitter_fullname" TEXT,
    "submitter_avatar" TEXT,

    CONSTRAINT "paper_features_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feed_sources" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "format" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "poll_interval_minutes" INTEGER NOT NULL DEFAULT 60,
    "etag" TEXT,
    "last_modified" TEXT,
    "last_polled_at" TIMESTAMPTZ(3),
    "last_status" INTEGER,
    "last_error" TEXT,
    "next_poll_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feed_sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingest_runs" (
    "id" SERIAL NOT NULL,
    "source_id" INTEGER,
    "origin" TEXT NOT NULL,
    "trigger" "ingest_trigger" NOT NULL,
    "format" TEXT,
    "status" "ingest_status" NOT NULL DEFAULT 'running',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "bytes" BIGINT,
    "new_count" INTEGER NOT NULL DEFAULT 0,
    "updated_count" INTEGER NOT NULL DEFAULT 0,
    "unchanged_count" INTEGER NOT NULL DEFAULT 0,
    "rejected_count" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "ingest_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingest_rejections" (
    "id" SERIAL NOT NULL,
    "run_id" INTEGER NOT NULL,
    "ref" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "ingest_rejections_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "papers_key_key" ON "papers"("key");

-- CreateIndex
CREATE UNIQUE INDEX "papers_arxiv_id_key" ON "papers"("arxiv_id");

-- CreateIndex
CREATE INDEX "papers_title_key_idx" ON "papers"("title_key");

-- CreateIndex
CREATE INDEX "papers_published_at_idx" ON "papers"("published_at");

-- CreateIndex
CREATE INDEX "papers_organization_id_idx" ON "papers"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "authors_name_key" ON "authors"("name");

-- CreateIndex
CREATE INDEX "paper_authors_author_id_idx" ON "paper_authors"("author_id");

-- CreateIndex
CREATE UNIQUE INDEX "organizations_name_key" ON "organizations"("name");

-- CreateIndex
CREATE INDEX "paper_features_day_idx" ON "paper_features"("day");

-- CreateIndex
CREATE INDEX "paper_features_submitter_name_idx" ON "paper_features"("submitter_name");

-- CreateIndex
CREATE UNIQUE INDEX "paper_features_paper_id_day_key" ON "paper_features"("paper_id", "day");

-- CreateIndex
CREATE UNIQUE INDEX "feed_sources_url_key" ON "feed_sources"("url");

-- CreateIndex
CREATE INDEX "feed_sources_enabled_next_poll_at_idx" ON "feed_sources"("enabled", "next_poll_at");

-- CreateIndex
CREATE INDEX "ingest_runs_started_at_idx" ON "ingest_runs"("started_at");

-- CreateIndex
CREATE INDEX "ingest_runs_source_id_started_at_idx" ON "ingest_runs"("source_id", "started_at");

-- CreateIndex
CREATE INDEX "ingest_rejections_run_id_idx" ON "ingest_rejections"("run_id");

-- AddForeignKey
ALTER TABLE "papers" ADD CONSTRAINT "papers_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "paper_authors" ADD CONSTRAINT "paper_authors_paper_id_fkey" FOREIGN KEY ("paper_id") REFERENCES "papers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "paper_authors" ADD CONSTRAINT "paper_authors_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "authors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "paper_features" ADD CONSTRAINT "paper_features_paper_id_fkey" FOREIGN KEY ("paper_id") REFERENCES "papers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingest_runs" ADD CONSTRAINT "ingest_runs_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "feed_sources"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingest_rejections" ADD CONSTRAINT "ingest_rejections_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ingest_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
