/**
 * Synthetic papers, deterministic for a given N and seed: as Hugging Face `/api/daily_papers`
 * entries (the shape of prisma/sample-feeds/hf-daily-papers-*.json, compact as the API serves
 * it), streamed to one file by writeSyntheticFeed, or cut into documents of any of the three
 * feed formats (HF daily JSON, arXiv API Atom, arXiv RSS) by syntheticDocument.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { seededRandom } from "@/lib/test/random";

const WORDS = (
  "learning model models neural network networks transformer transformers attention diffusion language large " +
  "vision visual multimodal reasoning agent agents reinforcement policy reward training inference efficient " +
  "scalable robust benchmark dataset evaluation generation generative video image 3D scene robot robotic " +
  "manipulation control planning retrieval augmented knowledge graph token tokens context long sparse mixture " +
  "experts quantization distillation alignment preference optimization gradient loss representation embedding " +
  "latent space self-supervised contrastive pretraining fine-tuning instruction tuning chain thought zero-shot " +
  "few-shot adaptation domain transfer segmentation detection tracking depth geometry physics simulation world " +
  "speech audio music code program synthesis mathematical theorem proof verification safety privacy federated " +
  "temporal spatial hierarchical recurrent memory state tool use web search navigation embodied open-source " +
  "evaluation metric human feedback scaling laws compute accuracy performance baseline state-of-the-art method " +
  "approach framework novel propose demonstrate achieve outperform significantly results experiments across tasks"
).split(" ");

const FIRST = (
  "Wei Jing Yang Li Hao Xin Yu Chen Lei Ming Jun Tao Fei Rui Zhi Kai Yan Bo Lin Qiang Anna Maria John David " +
  "Michael Sarah Laura James Robert Emma Olivia Noah Liam Lucas Sofia Mia Elena Ivan Dmitri Olga Hiroshi Yuki " +
  "Kenji Aiko Takumi Min-jun Ji-woo Seo-yeon Arjun Priya Rahul Ananya Vikram Deepa Omar Fatima Ahmed Layla Ali " +
  "Youssef Carlos Lucia Diego Valentina Mateo Camila Pierre Camille Louis Chloe Hans Greta Lukas Lena Jonas " +
  "Marco Giulia Luca Chiara Pedro Ines Tiago Sara Erik Ingrid Lars Astrid Mehmet Ayse Emre Zeynep Kwame Amara " +
  "Chidi Ngozi Tomasz Agnieszka Piotr Katarzyna Jan Eva Petr Nikolai Svetlana Andrei Irina Samuel Rachel Daniel " +
  "Hannah Benjamin Grace Thomas Alice Henry Clara Oscar Ruby Felix Isla Leo Nora Max Zoe Adam Eve Ethan Ava"
).split(" ");

const LAST = (
  "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Song Tang " +
  "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson " +
  "Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis " +
  "Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera " +
  "Campbell Mitchell Carter Roberts Kim Park Choi Jung Kang Cho Yoon Jang Lim Han Tanaka Suzuki Takahashi " +
  "Watanabe Ito Nakamura Kobayashi Yamamoto Kato Sato Patel Sharma Singh Kumar Gupta Reddy Iyer Nair Rao Das " +
  "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Rossi Russo Ferrari Esposito " +
  "Bianchi Romano Dubois Moreau Laurent Simon Michel Lefebvre Ivanov Petrov Smirnov Kuznetsov Popov Novak " +
  "Kowalski Nowak Wiśniewski Silva Santos Oliveira Souza Costa Pereira Almeida Hansen Johansen Nielsen Larsen"
).split(" ");

/**
 * Real titles and abstracts are not drawn from 200 words: besides the field's common words they
 * name methods, models, datasets and objects, a long tail where most words are rare (Zipf's law).
 * These pseudo-words are that tail; without it every word sits in a tenth of all titles, and
 * search and similar papers would be measured on text no corpus has.
 */
const TAIL_WORDS = 50_000;
const SYLLABLES =
  "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu xa xe zo zu".split(
    " ",
  );
const tailWord = (k: number) => {
  let w = "";
  for (let n = k + SYLLABLES.length; n > 0; n = Math.floor(n / SYLLABLES.length)) w += SYLLABLES[n % SYLLABLES.length];
  return w + (k % 7 === 0 ? "net" : k % 5 === 0 ? "ix" : "");
};
/** Cumulative Zipf weights (exponent 1.1) over the tail, for sampling a rank by binary search. */
const tailCdf = (() => {
  const cdf = new Float64Array(TAIL_WORDS);
  let sum = 0;
  for (let r = 0; r < TAIL_WORDS; r++) cdf[r] = sum += 1 / (r + 1) ** 1.1;
  for (let r = 0; r < TAIL_WORDS; r++) cdf[r] /= sum;
  return cdf;
})();
function tailRank(u: number): number {
  let lo = 0;
  let hi = TAIL_WORDS - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tailCdf[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2025, 7, 15); // 365 days ending on the fixture's 2026-08-14
const AUTHOR_POOL = 20_000;
const ORG_POOL = 200;
const SUBMITTER_POOL = 3_000;

/** mulberry32: tiny, fast, good enough for synthetic data. */
function prng(seed: number) {
  const next = seededRandom(seed);
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

const hex = (prefix: string, n: number) => prefix + n.toString(16).padStart(24 - prefix.length, "0");
const iso = (ms: number) => new Date(ms).toISOString();

export interface GeneratedFeed {
  papers: number;
  bytes: number;
}

/** One synthetic HF daily-papers entry. */
export type SyntheticEntry = ReturnType<typeof makeEntries> extends Generator<infer E> ? E : never;

/** N synthetic entries in day order over 365 days; distinct arXiv ids, titles and abstracts. */
export function syntheticEntries(papers: number, seed = 20260814) {
  return makeEntries(papers, seed);
}

function* makeEntries(papers: number, seed: number) {
  const rnd = prng(seed);
  // One word in four comes from the long tail.
  const word = () => (rnd.chance(0.25) ? tailWord(tailRank(rnd.next())) : rnd.pick(WORDS));
  const words = (n: number) => Array.from({ length: n }, word).join(" ");
  const sentence = () => {
    const s = words(rnd.int(12, 28));
    return s[0].toUpperCase() + s.slice(1) + ".";
  };
  const paragraph = (chars: number) => {
    let out = sentence();
    while (out.length < chars) out += " " + sentence();
    return out;
  };

  // Pools, so authors, orgs and submitters repeat across papers as they do on HF.
  const authorNames: string[] = [];
  for (let k = 0; authorNames.length < AUTHOR_POOL; k++) {
    authorNames.push(`${FIRST[k % FIRST.length]} ${LAST[Math.floor(k / FIRST.length) % LAST.length]}`);
  }
  const orgs = Array.from({ length: ORG_POOL }, (_, k) => {
    const label = `${rnd.pick(LAST)} ${rnd.pick(["AI Lab", "University", "Research", "Institute", "Labs"])}`;
    return {
      _id: hex("68", k),
      name: `${label.replace(/\W+/g, "")}-${k}`,
      fullname: label,
      avatar: `https://cdn-avatars.huggingface.co/v1/production/uploads/${hex("65", k)}/avatar${k}.png`,
    };
  });
  const submitters = Array.from({ length: SUBMITTER_POOL }, (_, k) => {
    const user = `${rnd.pick(FIRST).toLowerCase()}${rnd.pick(LAST).toLowerCase().replace(/\W/g, "")}${k}`;
    return {
      _id: hex("64", k),
      avatarUrl: `/avatars/${hex("ac", k)}.svg`,
      fullname: user,
      name: user,
      type: "user",
      isPro: rnd.chance(0.1),
    };
  });

  const idsPerMonth = new Map<string, number>();
  for (let i = 0; i < papers; i++) {
    // Papers come in day order, as a crawl of consecutive daily pages would.
    const dayMs = FIRST_DAY + Math.floor((i * 365) / papers) * DAY_MS;
    const published = dayMs - rnd.int(1, 3) * DAY_MS;
    const yymm = iso(published).slice(2, 4) + iso(published).slice(5, 7);
    const seq = (idsPerMonth.get(yymm) ?? 0) + 1;
    if (seq > 99_999) throw new Error("too many papers for one month of arXiv ids: use fewer --papers");
    idsPerMonth.set(yymm, seq);
    const arxivId = `${yymm}.${String(seq).padStart(5, "0")}`;

    const titleWords = words(rnd.int(6, 13));
    const title = titleWords[0].toUpperCase() + titleWords.slice(1);
    const authors = Array.from({ length: rnd.int(3, 12) }, (_, a) => {
      const k = Math.floor(rnd.next() ** 1.5 * AUTHOR_POOL); // some authors are far more prolific
      const base = { _id: hex("6a", i * 16 + a), name: authorNames[k], hidden: false };
      if (k % 9 || !rnd.chance(0.5)) return base;
      const user = authorNames[k].toLowerCase().replace(/\W+/g, "") + k;
      return {
        ...base,
        user: {
          _id: hex("5f", k),
          avatarUrl: `/avatars/${hex("ab", k)}.svg`,
          isPro: false,
          fullname: authorNames[k],
          user,
          type: "user",
          name: user,
        },
        status: "claimed_verified",
        hidden: false,
      };
    });
    const submitter = rnd.pick(submitters);
    const org = rnd.chance(0.6) ? rnd.pick(orgs) : undefined;
    const media = rnd.chance(0.15) ? [`https://cdn-uploads.huggingface.co/production/uploads/${submitter._id}/${arxivId}.mp4`] : undefined;
    const repo = rnd.chance(0.55) ? `https://github.com/${org?.name ?? submitter.name}/${title.split(" ")[0]}-${seq}` : undefined;

    const entry = {
      paper: {
        id: arxivId,
        authors,
        mediaUrls: media,
        publishedAt: iso(published),
        submittedOnDailyAt: iso(dayMs),
        title,
        submittedOnDailyBy: submitter,
        summary: paragraph(rnd.int(1000, 1250)),
        upvotes: Math.floor(rnd.next() ** 3 * 400),
        discussionId: hex("6b", i),
        githubRepo: repo,
        githubRepoAddedBy: repo ? "user" : undefined,
        projectPage: rnd.chance(0.5) ? `https://${submitter.name}.github.io/${arxivId}/` : undefined,
        ai_summary: paragraph(rnd.int(150, 300)),
        ai_keywords: Array.from({ length: rnd.int(3, 9) }, () => words(rnd.int(1, 4))),
        ai_summary_model: "thinkingmachines/Inkling-Small",
        githubStars: repo && rnd.chance(0.9) ? Math.floor(rnd.next() ** 4 * 5000) : undefined,
        organization: org,
      },
      publishedAt: iso(dayMs - rnd.int(2, 10) * 3_600_000),
      title,
      mediaUrls: media,
      thumbnail: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${arxivId}.png`,
      numComments: Math.floor(rnd.next() ** 4 * 20),
      submittedBy: { ...submitter, isHf: false, followerCount: rnd.int(0, 300) },
      organization: org,
      isAuthorParticipating: rnd.chance(0.3),
    };
    yield entry;
  }
}

export async function writeSyntheticFeed(file: string, papers: number, seed = 20260814): Promise<GeneratedFeed> {
  const out = createWriteStream(file);
  let pending = "[";
  const flush = async () => {
    if (!out.write(pending)) await once(out, "drain");
    pending = "";
  };
  let i = 0;
  for (const entry of syntheticEntries(papers, seed)) {
    pending += (i++ ? ",\n" : "\n") + JSON.stringify(entry);
    if (pending.length > 1 << 20) await flush();
  }
  pending += "\n]\n";
  await flush();
  out.end();
  await once(out, "finish");
  return { papers, bytes: out.bytesWritten };
}

export type SyntheticFormat = "hf-daily" | "arxiv-atom" | "arxiv-rss";

const CATEGORIES = "cs.AI cs.LG cs.CV cs.CL cs.RO cs.IR cs.NE cs.SD stat.ML eess.IV eess.AS math.OC".split(" ");
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** arXiv's Atom wraps abstracts and long titles at about 80 columns. */
const wrap = (s: string) => s.replace(/(.{1,79})(?:\s+|$)/g, "$1\n").trimEnd();
/** Stable per-paper choices without drawing from the generator's sequence (which would change every paper after). */
const hash = (id: string) => [...id].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
function categories(id: string): string[] {
  const h = hash(id);
  const n = 1 + (h % 4);
  return Array.from(new Set(Array.from({ length: n }, (_, k) => CATEGORIES[(h >>> (k * 4)) % CATEGORIES.length])));
}
/** `2025-10-16T17:59:37Z`, as arXiv's API writes dates: the paper's day, a time of day from its id. */
function atomDate(entry: SyntheticEntry): string {
  const h = hash(entry.paper.id);
  const ms = Date.parse(entry.paper.publishedAt) + (h % 86_400) * 1000;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
/** `Mon, 27 Apr 2026 00:00:00 -0400`: arXiv's RSS dates every item of a listing at midnight in New York. */
function rssDate(entry: SyntheticEntry): string {
  const d = new Date(entry.paper.publishedAt);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} 00:00:00 -0400`;
}
const authorNames = (entry: SyntheticEntry) => entry.paper.authors.map((a) => a.name);

/** An arXiv API Atom document (the shape of prisma/sample-feeds/arxiv-api-query-*.xml). */
export function atomDocument(entries: SyntheticEntry[]): string {
  const out = [
    `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?search_query%3Dcat%3Acs.AI%26start%3D0%26max_results%3D${entries.length}" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=cat:cs.AI&amp;id_list=&amp;start=0&amp;max_results=${entries.length}</title>
  <id>http://arxiv.org/api/synthetic${entries.length}</id>
  <updated>2026-08-14T00:00:00-04:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${entries.length}</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${entries.length}</opensearch:itemsPerPage>
`,
  ];
  for (const entry of entries) {
    const id = entry.paper.id;
    const date = atomDate(entry);
    const cats = categories(id);
    const comment = hash(id) % 3 === 0 ? `${8 + (hash(id) % 30)} pages, ${2 + (hash(id) % 9)} figures` : undefined;
    out.push(`  <entry>
    <id>http://arxiv.org/abs/${id}v1</id>
    <updated>${date}</updated>
    <published>${date}</published>
    <title>${xml(wrap(entry.paper.title))}</title>
    <summary>  ${xml(wrap(entry.paper.summary))}
</summary>
${authorNames(entry)
  .map((name) => `    <author>\n      <name>${xml(name)}</name>\n    </author>\n`)
  .join(
    "",
  )}${comment ? `    <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">${comment}</arxiv:comment>\n` : ""}    <link href="http://arxiv.org/abs/${id}v1" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/${id}v1" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="${cats[0]}" scheme="http://arxiv.org/schemas/atom"/>
${cats.map((c) => `    <category term="${c}" scheme="http://arxiv.org/schemas/atom"/>\n`).join("")}  </entry>
`);
  }
  out.push("</feed>\n");
  return out.join("");
}

/** An arXiv RSS 2.0 listing (the shape of prisma/sample-feeds/arxiv-rss-*.xml). */
export function rssDocument(entries: SyntheticEntry[]): string {
  const out = [
    `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
  <channel>
    <title>cs.AI updates on arXiv.org</title>
    <link>http://rss.arxiv.org/rss/cs.AI</link>
    <description>cs.AI updates on the arXiv.org e-print archive.</description>
    <atom:link href="http://rss.arxiv.org/rss/cs.AI" rel="self" type="application/rss+xml" />
    <docs>http://www.rssboard.org/rss-specification</docs>
    <language>en-us</language>
    <lastBuildDate>${entries.length ? rssDate(entries[entries.length - 1]).replace("00:00:00 -0400", "04:00:00 +0000") : "Fri, 14 Aug 2026 04:00:00 +0000"}</lastBuildDate>
    <managingEditor>rss-help@arxiv.org</managingEditor>
    <skipDays>
      <day>Saturday</day>
      <day>Sunday</day>
    </skipDays>
`,
  ];
  for (const entry of entries) {
    const id = entry.paper.id;
    const type = hash(id) % 5 === 0 ? "cross" : "new";
    out.push(`    <item>
      <title>${xml(entry.paper.title)}</title>
      <link>https://arxiv.org/abs/${id}</link>
      <description>arXiv:${id}v1 Announce Type: ${type} 
Abstract: ${xml(entry.paper.summary)}</description>
      <guid isPermaLink="false">oai:arXiv.org:${id}v1</guid>
${categories(id)
  .map((c) => `      <category>${c}</category>\n`)
  .join("")}      <pubDate>${rssDate(entry)}</pubDate>
      <arxiv:announce_type>${type}</arxiv:announce_type>
      <dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights>
      <dc:creator>${xml(authorNames(entry).join(", "))}</dc:creator>
    </item>
`);
  }
  out.push("  </channel>\n</rss>\n");
  return out.join("");
}

/** A Hugging Face daily-papers JSON document of these entries. */
export function hfDailyDocument(entries: SyntheticEntry[]): string {
  return `[\n${entries.map((e) => JSON.stringify(e)).join(",\n")}\n]\n`;
}

export function syntheticDocument(format: SyntheticFormat, entries: SyntheticEntry[]): string {
  if (format === "arxiv-atom") return atomDocument(entries);
  if (format === "arxiv-rss") return rssDocument(entries);
  return hfDailyDocument(entries);
}
