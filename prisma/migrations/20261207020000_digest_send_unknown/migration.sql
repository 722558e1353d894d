-- AlterEnum
ALTER TYPE "digest_send_status" ADD VALUE 'unknown';
