-- AlterEnum
ALTER TYPE "ingest_trigger" ADD VALUE 'admin';
