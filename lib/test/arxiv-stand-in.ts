import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { feedText } from "./fixtures";

/**
 * A local stand-in for arXiv's API (`/api/query?id_list=<id>`), answering with the real capture
 * prisma/sample-feeds/arxiv-api-query-cs.RO-2025-10-17.xml cut to one entry: its first entry
 * with the id, dates and (for a withdrawn paper) comment and abstract replaced, exactly as
 * arXiv writes them. An id it was not told about is answered as arXiv answers an unknown id:
 * the feed with no entry. Used by the unit tests and by e2e/community-submit.spec.ts.
 */
export interface StandInPaper {
  /** Publication (v1) time; defaults to now. */
  published?: Date;
  title?: string;
  authors?: string[];
  /** arXiv's marks of a withdrawn paper: "This paper has been withdrawn" in the comment and abstract. */
  withdrawn?: boolean;
}

export type StandInMode = "normal" | "unavailable" | "hang" | "huge" | "garbage";

export interface ArxivStandIn {
  /** The ARXIV_API_URL to configure. */
  url: string;
  papers: Map<string, StandInPaper>;
  /** "unavailable": 503 as arXiv's load balancer answers; "hang": never answers; "huge": an endless body. */
  mode: StandInMode;
  /** How many queries it has answered. */
  requests: number;
  close(): Promise<void>;
}

const CAPTURE = "arxiv-api-query-cs.RO-2025-10-17.xml";

function parts() {
  const xml = feedText(CAPTURE);
  const start = xml.indexOf("<entry>");
  const end = xml.indexOf("</entry>") + "</entry>".length;
  return { head: xml.slice(0, start), entry: xml.slice(start, end) };
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The capture's first entry as the paper `id` described by `p`. */
export function standInEntry(id: string, p: StandInPaper, template = parts().entry): string {
  const when = (p.published ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  let entry = template
    .replace(/2510\.14968v1/g, `${id}v1`)
    .replace(/<updated>[^<]*<\/updated>/, `<updated>${when}</updated>`)
    .replace(/<published>[^<]*<\/published>/, `<published>${when}</published>`);
  if (p.title) entry = entry.replace(/<title>[\s\S]*?<\/title>/, `<title>${escapeXml(p.title)}</title>`);
  if (p.authors) {
    const authors = p.authors.map((a) => `<author>\n      <name>${escapeXml(a)}</name>\n    </author>`).join("\n    ");
    entry = entry.replace(/<author>[\s\S]*<\/author>/, authors);
  }
  if (p.withdrawn) {
    entry = entry
      .replace(
        /<summary>[\s\S]*?<\/summary>/,
        "<summary>  This paper has been withdrawn by the author due to an error in the proof.\n</summary>",
      )
      .replace(/(<arxiv:comment[^>]*>)[\s\S]*?(<\/arxiv:comment>)/, "$1This paper has been withdrawn$2");
  }
  return entry;
}

/** The feed arXiv sends for one `id_list` query: the capture's head (totalResults set) and the entries. */
export function standInFeed(entries: string[]): string {
  const { head } = parts();
  return `${head.replace(/(<opensearch:totalResults[^>]*>)\d+/, `$1${entries.length}`)}${entries.join("\n  ")}\n</feed>\n`;
}

/** Starts the stand-in on loopback (`port` 0: any free one); it closes with `close()`. */
export async function startArxivStandIn(port = 0): Promise<ArxivStandIn> {
  const { entry } = parts();
  const state: ArxivStandIn = {
    url: "",
    papers: new Map(),
    mode: "normal",
    requests: 0,
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    state.requests++;
    const url = new URL(req.url ?? "/", "http://stand-in");
    if (state.mode === "hang") return; // never answers: the client's timeout must end it
    if (state.mode === "unavailable") {
      res.writeHead(503, { "content-type": "text/html" }).end("<html><body>Service Temporarily Unavailable</body></html>");
      return;
    }
    if (state.mode === "garbage") {
      res.writeHead(200, { "content-type": "application/atom+xml" }).end("<feed><entry><id>");
      return;
    }
    if (state.mode === "huge") {
      res.writeHead(200, { "content-type": "application/atom+xml" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (res.write(chunk)) if (res.destroyed) return;
        res.once("drain", pump);
      };
      res.on("error", () => {});
      pump();
      return;
    }
    if (url.pathname !== "/api/query") {
      res.writeHead(404).end();
      return;
    }
    const ids = (url.searchParams.get("id_list") ?? "").split(",").filter(Boolean);
    const entries = ids.flatMap((id) => {
      const p = state.papers.get(id);
      return p ? [standInEntry(id, p, entry)] : [];
    });
    res.writeHead(200, { "content-type": "application/atom+xml; charset=utf-8" }).end(standInFeed(entries));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/query`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
