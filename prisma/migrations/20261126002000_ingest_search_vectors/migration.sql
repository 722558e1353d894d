-- Written by hand, and not in Prisma's schema: a work table of ingestion, read by no page.
--
-- A large ingest computes the search vectors of its next batch on a second connection,
-- beside its transaction. They came back to Node as text (about 1.7 KB a paper), were
-- escaped into the COPY of the batch and parsed again by the transaction's backend: a
-- large share of Node's work in a first ingest, and of that backend's. The second
-- connection now stores them here, and the insert of new papers reads them by (batch, ord).
-- Rows live for one batch: the second connection deletes them once the batch is written,
-- and any left by a process that died are deleted a day later. Unlogged (not written to
-- the WAL, emptied after a crash): a missing vector is computed by the papers trigger.
-- Rows stay inline and uncompressed: a vector does not compress, and is read back once.
CREATE SEQUENCE "ingest_search_vectors_batch_seq";
CREATE UNLOGGED TABLE "ingest_search_vectors" (
    "batch" BIGINT NOT NULL,
    "ord" INTEGER NOT NULL,
    "vector" tsvector NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ingest_search_vectors_pkey" PRIMARY KEY ("batch", "ord")
) WITH (toast_tuple_target = 8160);
ALTER TABLE "ingest_search_vectors" ALTER COLUMN "vector" SET STORAGE EXTERNAL;
