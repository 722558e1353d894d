import MarkdownIt from "markdown-it";
import { splitMath, tokenize } from "@/lib/text/math";
import { AppError } from "@/lib/errors";

/** Bumped when the renderer's output changes: rows rendered by an older version are rendered again when read. */
export const RENDER_VERSION = 1;
/** The longest comment accepted, in characters of Markdown. */
export const MAX_COMMENT_CHARS = 20_000;
/** KaTeX can turn a short formula into kilobytes: past this much HTML the comment is refused, not stored. */
export const MAX_COMMENT_HTML = 600_000;
// The same cap as titles and abstracts (lib/text/math.ts): past this many formulas, math stays text.
const MAX_FORMULAS = 200;

/**
 * CommonMark plus tables, strikethrough and bare links, with raw HTML off (typed `<script>` is
 * text), no images (a comment cannot make readers' browsers fetch from another host), no headings
 * (a comment is not a section of the page), nesting capped, links limited to http(s) and mailto
 * and marked `rel="nofollow ugc noopener"`, and math rendered on the server by lib/text/math.ts.
 */
const md = new MarkdownIt("default", { html: false, linkify: true, typographer: false, maxNesting: 20 });
md.disable(["image", "heading", "lheading"]);
md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
md.validateLink = (url: string): boolean => {
  const scheme = SCHEME.exec(url.trim());
  return !scheme || ["http", "https", "mailto"].includes(scheme[1].toLowerCase());
};

md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  tokens[idx].attrSet("rel", "nofollow ugc noopener");
  return self.renderToken(tokens, idx, options);
};

// Math first, before backslash escapes and emphasis read inside it (`$a*b*c$`, `\\`, `\{`). Where
// formulas start is worked out once per inline text by lib/text/math's tokenizer (linear time); a
// formula is taken only where Markdown has not consumed its start (code spans, links' URLs).
md.inline.ruler.before("escape", "math", (state, silent) => {
  const c = state.src.charCodeAt(state.pos);
  if (c !== 0x24 /* $ */ && c !== 0x5c /* \ */) return false;
  const env = state.env as RenderEnv;
  const cache = (env.mathStarts ??= new Map());
  let starts = cache.get(state.src);
  if (!starts) cache.set(state.src, (starts = mathStarts(state.src)));
  const source = starts.get(state.pos);
  if (source === undefined) return false;
  if (!silent) state.push("math", "", 0).content = source;
  state.pos += source.length;
  return true;
});

/** Offset → source of each formula in `src`, as tokenize reads it (its text pieces turn `\$` into `$`). */
function mathStarts(src: string): Map<number, string> {
  const starts = new Map<number, string>();
  let at = 0;
  for (const piece of tokenize(src)) {
    if (piece.kind === "math") {
      starts.set(at, piece.source);
      at += piece.source.length;
      continue;
    }
    for (const ch of piece.text) at += ch === "$" && src[at] === "\\" && src[at + 1] === "$" ? 2 : ch.length;
  }
  return starts;
}

md.renderer.rules.math = (tokens, idx, _options, rawEnv) => {
  const source = tokens[idx].content;
  const env = rawEnv as RenderEnv | undefined;
  const count = env ? (env.formulas = (env.formulas ?? 0) + 1) : 1;
  if (count > MAX_FORMULAS) return md.utils.escapeHtml(source);
  return splitMath(source)
    .map((s) => (s.kind === "math" ? s.html : md.utils.escapeHtml(s.text)))
    .join("");
};

interface RenderEnv {
  formulas?: number;
  /** Per inline text seen in this render: where its formulas start (see mathStarts). */
  mathStarts?: Map<string, Map<number, string>>;
}

/**
 * A comment's Markdown as HTML safe to inject: everything but KaTeX's output and the tags
 * markdown-it makes is escaped. Refuses (AppError bad_request, with the reason) an empty or
 * over-long comment, and one whose math renders too large.
 */
export function renderComment(source: string): string {
  const text = normalizeCommentText(source);
  if (!text.trim()) throw new AppError("bad_request", "body: Write something first");
  if (text.length > MAX_COMMENT_CHARS) {
    throw new AppError(
      "bad_request",
      `body: A comment is at most ${MAX_COMMENT_CHARS.toLocaleString("en")} characters (this one has ${text.length.toLocaleString("en")})`,
    );
  }
  const html = md.render(text, {} satisfies RenderEnv);
  if (html.length > MAX_COMMENT_HTML)
    throw new AppError("bad_request", "body: This comment renders too large: use fewer or smaller formulas");
  return html;
}

/** Line ends as `\n`, NUL and other control characters (but tab and newline) dropped: what is stored and rendered. */
export function normalizeCommentText(source: string): string {
  return source.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}
