/** A feed before it is written out as RSS or Atom. Every string is plain text (not HTML). */
export interface FeedDoc {
  title: string;
  description: string;
  /** Absolute URL of the page this feed mirrors; also the feed's Atom id. */
  pageUrl: string;
  /** Absolute URL of the feed itself, in the format being written. */
  selfUrl: string;
  updated: Date;
  rights: string;
  items: FeedItem[];
}

export interface FeedItem {
  /** Absolute URL: the Atom id and the item's link. */
  link: string;
  /** RSS guid; not a permalink (an `arxiv:` id or the link). */
  guid: string;
  title: string;
  summary?: string;
  /** When the item entered this feed (listed, added to the list). */
  date: Date;
  published?: Date;
  authors: string[];
  categories: string[];
}
