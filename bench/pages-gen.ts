/**
 * Child of bench/pages-seed.ts: writes N synthetic HF daily-papers entries (the whole
 * feed, one JSON document, one entry per line) into the named pipe <fifo>, so the parent
 * can cut it into chunks and ingest them while this process keeps generating. Nothing
 * touches the disk.
 */
import { writeSyntheticFeed } from "./synthetic-feed";

const [count, fifo] = process.argv.slice(2);
const papers = Number(count);
if (!Number.isSafeInteger(papers) || papers < 1 || !fifo) throw new Error("usage: pages-gen.ts <papers> <fifo>");

// writeSyntheticFeed waits for the pipe to drain, so a slow reader slows the generator
// instead of filling memory.
await writeSyntheticFeed(fifo, papers);
