import "server-only";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/admin/audit";
import { idInput } from "@/lib/admin/validation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ClaimStatus } from "@/lib/generated/prisma/client";
import { displayNameInput } from "@/lib/submissions/people";

/** Pending claims one person may have waiting at once. */
export const MAX_PENDING_CLAIMS = 50;

export const claimInput = z.object({
  paperId: idInput,
  author: z.string().trim().min(1, "Choose which author you are").max(300, "Choose which author you are"),
  name: z.preprocess((v) => (v === "" || v === null ? undefined : v), displayNameInput.optional()),
});

export const decideInput = z.object({
  claimId: idInput,
  reason: z.string().trim().max(500, "At most 500 characters").default(""),
});

const paperTarget = (p: { id: number; arxivId: string | null }) => (p.arxivId ? `paper:${p.arxivId}` : `paper:local-${p.id}`);

/**
 * Claims authorship of a paper as one name of its author list. The claim waits for an admin;
 * a name another person already holds can still be claimed (the admin sees both names and
 * decides). One live claim per person and paper, MAX_PENDING_CLAIMS waiting per person: both
 * counted under a lock on the person's row, and the first also held by a unique index.
 */
export async function createClaim(userId: string, o: { paperId: number; author: string; name?: string }): Promise<{ id: number }> {
  return db().$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<{ name: string | null }[]>`SELECT name FROM users WHERE id = ${userId} FOR UPDATE`;
    if (!user) throw new AppError("unauthorized", "Sign in first");
    const name = o.name ?? user.name?.trim();
    if (!name) {
      throw new AppError("bad_request", "name: Say how your name is shown as an author", {
        fieldErrors: { name: "Say how your name is shown as an author" },
      });
    }
    const [author] = await tx.$queryRaw<{ id: number }[]>`
      SELECT a.id FROM paper_authors pa JOIN authors a ON a.id = pa.author_id JOIN papers p ON p.id = pa.paper_id
       WHERE pa.paper_id = ${o.paperId} AND a.name = ${o.author} AND p.hidden_at IS NULL LIMIT 1`;
    if (!author) throw new AppError("not_found", "That name is not in this paper's author list");
    const live = await tx.paperClaim.findFirst({
      where: { paperId: o.paperId, userId, status: { in: ["pending", "approved"] } },
      select: { status: true, author: { select: { name: true } } },
    });
    if (live) {
      throw new AppError(
        "conflict",
        live.status === "approved"
          ? `You are already listed as ${live.author.name} on this paper`
          : `Your claim to be ${live.author.name} on this paper is waiting for an admin`,
      );
    }
    const pending = await tx.paperClaim.count({ where: { userId, status: "pending" } });
    if (pending >= MAX_PENDING_CLAIMS) {
      throw new AppError("rate_limited", `You have ${MAX_PENDING_CLAIMS} claims waiting for an admin: wait until some are decided`);
    }
    if (name !== user.name) await tx.user.update({ where: { id: userId }, data: { name } });
    return tx.paperClaim.create({ data: { paperId: o.paperId, authorId: author.id, userId }, select: { id: true } });
  });
}

/** The person takes back their own claim, pending or approved. Anyone else's claim is "not found". */
export async function withdrawClaim(userId: string, claimId: number): Promise<void> {
  const { count } = await db().paperClaim.updateMany({
    where: { id: claimId, userId, status: { in: ["pending", "approved"] } },
    data: { status: "revoked", decidedAt: new Date(), decidedBy: "withdrawn by the claimant" },
  });
  if (!count) throw new AppError("not_found", "No such claim of yours");
}

/**
 * Approves a pending claim. When another person held that author of that paper, their claim is
 * revoked in the same transaction (the admin saw both names); both are in the audit log.
 */
export async function approveClaim(actor: Actor, o: { claimId: number; reason?: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const claim = await lockedClaim(tx, o.claimId);
    if (claim.status !== "pending") throw new AppError("conflict", `This claim is ${claim.status} already`);
    const previous = await tx.paperClaim.findFirst({
      where: { paperId: claim.paperId, authorId: claim.authorId, status: "approved" },
      select: { id: true, user: { select: { name: true, email: true } } },
    });
    const now = new Date();
    if (previous) {
      await tx.paperClaim.update({
        where: { id: previous.id },
        data: { status: "revoked", decidedAt: now, decidedBy: actor.email.toLowerCase(), decisionNote: `Given to claim #${claim.id}` },
      });
    }
    await tx.paperClaim.update({
      where: { id: claim.id },
      data: { status: "approved", decidedAt: now, decidedBy: actor.email.toLowerCase(), decisionNote: o.reason || null },
    });
    await recordAudit(tx, actor, {
      action: "claim.approve",
      target: paperTarget(claim.paper),
      details: {
        claimId: claim.id,
        author: claim.author.name,
        claimant: claim.user.name,
        claimantEmail: claim.user.email,
        ...(previous ? { previousHolder: previous.user.name, previousHolderEmail: previous.user.email, revokedClaimId: previous.id } : {}),
      },
    });
  });
}

export async function rejectClaim(actor: Actor, o: { claimId: number; reason: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const claim = await lockedClaim(tx, o.claimId);
    if (claim.status !== "pending") throw new AppError("conflict", `This claim is ${claim.status} already`);
    await tx.paperClaim.update({
      where: { id: claim.id },
      data: { status: "rejected", decidedAt: new Date(), decidedBy: actor.email.toLowerCase(), decisionNote: o.reason || null },
    });
    await recordAudit(tx, actor, {
      action: "claim.reject",
      target: paperTarget(claim.paper),
      details: {
        claimId: claim.id,
        author: claim.author.name,
        claimant: claim.user.name,
        claimantEmail: claim.user.email,
        reason: o.reason,
      },
    });
  });
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

async function lockedClaim(tx: Tx, id: number) {
  const [row] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM paper_claims WHERE id = ${id} FOR UPDATE`;
  if (!row) throw new AppError("not_found", "No such claim");
  return tx.paperClaim.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      status: true,
      paperId: true,
      authorId: true,
      paper: { select: { id: true, arxivId: true } },
      author: { select: { name: true } },
      user: { select: { name: true, email: true } },
    },
  });
}

export interface AdminClaim {
  id: number;
  status: ClaimStatus;
  createdAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  decisionNote: string | null;
  paper: { id: number; arxivId: string | null; title: string };
  author: string;
  person: { name: string | null; email: string | null };
  /** Who holds this author of this paper now, when it is another person: the admin decides between the two. */
  heldBy: { name: string | null; email: string | null } | null;
}

/** Claims for the admin page: waiting ones oldest first, or every claim newest first. */
export async function listClaims(o: {
  pending: boolean;
  page: number;
  pageSize?: number;
}): Promise<{ rows: AdminClaim[]; hasMore: boolean }> {
  const pageSize = o.pageSize ?? 50;
  const rows = await db().paperClaim.findMany({
    where: o.pending ? { status: "pending" } : {},
    orderBy: o.pending ? [{ createdAt: "asc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "desc" }],
    skip: (o.page - 1) * pageSize,
    take: pageSize + 1,
    select: {
      id: true,
      status: true,
      createdAt: true,
      decidedAt: true,
      decidedBy: true,
      decisionNote: true,
      paperId: true,
      authorId: true,
      userId: true,
      paper: { select: { id: true, arxivId: true, title: true } },
      author: { select: { name: true } },
      user: { select: { name: true, email: true } },
    },
  });
  const page = rows.slice(0, pageSize);
  const holders = page.length
    ? await db().paperClaim.findMany({
        where: { status: "approved", OR: page.map((r) => ({ paperId: r.paperId, authorId: r.authorId })) },
        select: { paperId: true, authorId: true, userId: true, user: { select: { name: true, email: true } } },
      })
    : [];
  return {
    rows: page.map((r) => {
      const holder = holders.find((h) => h.paperId === r.paperId && h.authorId === r.authorId && h.userId !== r.userId);
      return {
        id: r.id,
        status: r.status,
        createdAt: r.createdAt,
        decidedAt: r.decidedAt,
        decidedBy: r.decidedBy,
        decisionNote: r.decisionNote,
        paper: r.paper,
        author: r.author.name,
        person: r.user,
        heldBy: holder ? holder.user : null,
      };
    }),
    hasMore: rows.length > pageSize,
  };
}

/** What the paper page's claim panel shows, for anyone (holders) and for the viewer (their own claim). */
export interface PaperClaimState {
  signedIn: boolean;
  /** Whether the viewer has a name to be shown by; without one the form asks for it. */
  hasName: boolean;
  /** Authors of this paper held by a person on this server: author name → the person's name. */
  holders: { author: string; person: string }[];
  mine: { id: number; author: string; status: "pending" | "approved" } | null;
}

export async function paperClaimState(paperId: number, viewer: { id: string } | null): Promise<PaperClaimState> {
  const [holders, mine, user] = await Promise.all([
    db().paperClaim.findMany({
      where: { paperId, status: "approved" },
      orderBy: { id: "asc" },
      select: { author: { select: { name: true } }, user: { select: { name: true } } },
    }),
    viewer
      ? db().paperClaim.findFirst({
          where: { paperId, userId: viewer.id, status: { in: ["pending", "approved"] } },
          select: { id: true, status: true, author: { select: { name: true } } },
        })
      : null,
    viewer ? db().user.findUnique({ where: { id: viewer.id }, select: { name: true } }) : null,
  ]);
  return {
    signedIn: Boolean(viewer),
    hasName: Boolean(user?.name?.trim()),
    holders: holders.map((h) => ({ author: h.author.name, person: h.user.name || "a member" })),
    mine: mine ? { id: mine.id, author: mine.author.name, status: mine.status as "pending" | "approved" } : null,
  };
}

/** The people holding an author name on this server, with how many of that name's papers each holds. */
export async function claimantsOfAuthor(name: string): Promise<{ person: string; papers: number }[]> {
  const rows = await db().paperClaim.groupBy({
    by: ["userId"],
    where: { status: "approved", author: { name }, paper: { hiddenAt: null } },
    _count: { _all: true },
  });
  if (!rows.length) return [];
  const users = await db().user.findMany({ where: { id: { in: rows.map((r) => r.userId) } }, select: { id: true, name: true } });
  return rows
    .map((r) => ({ person: users.find((u) => u.id === r.userId)?.name || "a member", papers: r._count._all }))
    .sort((a, b) => b.papers - a.papers || a.person.localeCompare(b.person));
}

export interface MyClaim {
  id: number;
  status: ClaimStatus;
  author: string;
  paper: { id: number; arxivId: string | null; title: string };
  createdAt: Date;
  decisionNote: string | null;
}

/** A person's own claims, newest first (their profile lists their papers from these). */
export async function claimsOf(userId: string, limit = 200): Promise<MyClaim[]> {
  const rows = await db().paperClaim.findMany({
    where: { userId, status: { in: ["pending", "approved", "rejected"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      status: true,
      createdAt: true,
      decisionNote: true,
      author: { select: { name: true } },
      paper: { select: { id: true, arxivId: true, title: true } },
    },
  });
  return rows.map((r) => ({ ...r, author: r.author.name }));
}
