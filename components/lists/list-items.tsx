"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { arrayMove } from "@/lib/lists/order";
import { GripIcon, MoveDownIcon, MoveUpIcon } from "@/components/lists/icons";
import { listApi } from "@/components/lists/list-api";
import { setSavedIn, useViewerState } from "@/components/people/viewer-store";
import { NoteEditor } from "@/components/lists/note-editor";
import { ui } from "@/components/ui/styles";

/** What the list page knows of one saved paper; the card itself is rendered on the server. */
export interface ListItemView {
  paperId: number;
  /** Plain-text title, for labels and announcements. */
  title: string;
  note: string;
  read: boolean;
  /** "Nov 3" / "Nov 3, 2025", formatted on the server. */
  added: string;
  addedIso: string;
}

export interface ListItemsProps {
  listId: number;
  items: ListItemView[];
  /** paper id → its card. */
  cards: Record<number, ReactNode>;
  /** Only in the manual order with nothing filtered out does moving make sense. */
  reorderable: boolean;
}

/**
 * The papers of a list with their controls: read toggle, private note, remove, and reordering
 * by dragging the handle (mouse, touch, or keyboard: Space, arrows, Space) or with the
 * move-up/move-down buttons. Changes show at once and are sent one after another, in order.
 */
export function ListItems({ listId, items: initial, cards, reorderable }: ListItemsProps) {
  const router = useRouter();
  const [items, setItems] = useState(initial);
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const dndId = useId();
  // New items from the server (after a refresh) replace ours. Adjusted while rendering, as
  // React recommends, rather than in an effect that would render the stale list first.
  const [prevInitial, setPrevInitial] = useState(initial);
  if (initial !== prevInitial) {
    setPrevInitial(initial);
    setItems(initial);
  }

  // A card's own save button can take a paper out of this list too: follow it.
  const { saved } = useViewerState();
  const [prevSaved, setPrevSaved] = useState(saved);
  if (saved !== prevSaved) {
    setPrevSaved(saved);
    const kept = items.filter((i) => saved.get(i.paperId)?.includes(listId) ?? true);
    if (kept.length !== items.length) setItems(kept);
  }

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const titleOf = (id: unknown) => items.find((i) => i.paperId === Number(id))?.title ?? "paper";
  const indexOf = (id: unknown) => items.findIndex((i) => i.paperId === Number(id));
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}, position ${indexOf(active.id) + 1} of ${items.length}.`,
    onDragOver: ({ active, over }) =>
      over ? `${titleOf(active.id)} is over position ${indexOf(over.id) + 1} of ${items.length}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over ? `${titleOf(active.id)} dropped at position ${indexOf(over.id) + 1} of ${items.length}.` : undefined,
    onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled.`,
  };

  /** Runs server calls one at a time, so quick successive moves reach the server in order. */
  function enqueue(task: () => Promise<unknown>) {
    queue.current = queue.current.then(task, task);
    return queue.current;
  }

  function move(paperId: number, to: number) {
    const from = items.findIndex((i) => i.paperId === paperId);
    if (from < 0 || to < 0 || to >= items.length || from === to) return;
    const before = items;
    setItems(arrayMove(items, from, to));
    setError("");
    setStatus(`Moved ${titleOf(paperId)} to position ${to + 1} of ${items.length}.`);
    void enqueue(async () => {
      try {
        await listApi(`/api/me/lists/${listId}/items/${paperId}`, { method: "PATCH", json: { position: to } });
      } catch (err) {
        setItems(before);
        setError(err instanceof Error ? `Could not move the paper: ${err.message}` : "Could not move the paper");
      }
    });
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    move(Number(active.id), indexOf(over.id));
  }

  function patchLocal(paperId: number, patch: Partial<ListItemView>) {
    setItems((current) => current.map((i) => (i.paperId === paperId ? { ...i, ...patch } : i)));
  }

  async function setRead(item: ListItemView, read: boolean) {
    patchLocal(item.paperId, { read });
    try {
      await enqueue(() => listApi(`/api/me/lists/${listId}/items/${item.paperId}`, { method: "PATCH", json: { read } }));
    } catch (err) {
      patchLocal(item.paperId, { read: !read });
      setError(err instanceof Error ? err.message : "Could not change the read state");
    }
  }

  async function remove(item: ListItemView) {
    const before = items;
    setItems(items.filter((i) => i.paperId !== item.paperId));
    setStatus(`Removed ${item.title} from the list.`);
    try {
      const answer = (await enqueue(() =>
        listApi<{ listIds: number[] }>(`/api/me/lists/${listId}/items/${item.paperId}`, { method: "DELETE" }),
      )) as { listIds: number[] };
      setSavedIn(item.paperId, answer.listIds);
      router.refresh();
    } catch (err) {
      setItems(before);
      setError(err instanceof Error ? err.message : "Could not remove the paper");
    }
  }

  const list = (
    <ol aria-label="Papers in this list" className="flex flex-col gap-4">
      {items.map((item, index) => (
        <SortableItem key={item.paperId} item={item} enabled={reorderable}>
          {(handle) => (
            <>
              {cards[item.paperId]}
              <div className="mt-2 flex flex-wrap items-center gap-2 px-1 text-sm">
                {reorderable && (
                  <div role="group" aria-label={`Reorder ${item.title}`} className="flex items-center gap-1">
                    {handle}
                    <button
                      type="button"
                      onClick={() => move(item.paperId, index - 1)}
                      disabled={index === 0}
                      aria-label={`Move ${item.title} up`}
                      title="Move up"
                      className={`${ui.small} ${ui.focus}`}
                    >
                      <MoveUpIcon className="size-3.5" />
                    </button>
                    <button
                      type="button"
                      onClick={() => move(item.paperId, index + 1)}
                      disabled={index === items.length - 1}
                      aria-label={`Move ${item.title} down`}
                      title="Move down"
                      className={`${ui.small} ${ui.focus}`}
                    >
                      <MoveDownIcon className="size-3.5" />
                    </button>
                  </div>
                )}
                <label className="inline-flex cursor-pointer items-center gap-1.5 rounded-md px-1.5 py-1 hover:bg-gray-50 dark:hover:bg-gray-900">
                  <input
                    type="checkbox"
                    checked={item.read}
                    onChange={(e) => setRead(item, e.target.checked)}
                    className="size-4 accent-sky-600"
                    aria-label={`Read: ${item.title}`}
                  />
                  <span aria-hidden="true">Read</span>
                </label>
                <span className="text-gray-500 dark:text-gray-400">
                  Added <time dateTime={item.addedIso}>{item.added}</time>
                </span>
                <button
                  type="button"
                  onClick={() => remove(item)}
                  aria-label={`Remove ${item.title} from this list`}
                  className={`ml-auto ${ui.small} ${ui.focus} text-red-800 dark:text-red-200`}
                >
                  Remove
                </button>
              </div>
              <div className="mt-2 px-1">
                <NoteEditor
                  listId={listId}
                  paperId={item.paperId}
                  title={item.title}
                  note={item.note}
                  onSaved={(note) => patchLocal(item.paperId, { note })}
                />
              </div>
            </>
          )}
        </SortableItem>
      ))}
    </ol>
  );

  return (
    <div>
      <p role="status" className="sr-only">
        {status}
      </p>
      {error && (
        <p role="alert" className={`mb-3 ${ui.alert}`}>
          {error}
        </p>
      )}
      {reorderable ? (
        <DndContext id={dndId} sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements }}>
          <SortableContext items={items.map((i) => i.paperId)} strategy={verticalListSortingStrategy}>
            {list}
          </SortableContext>
        </DndContext>
      ) : (
        list
      )}
    </div>
  );
}

interface SortableItemProps {
  item: ListItemView;
  enabled: boolean;
  children: (handle: ReactNode) => ReactNode;
}

function SortableItem({ item, enabled, children }: SortableItemProps) {
  if (!enabled) return <li data-testid="list-item">{children(null)}</li>;
  return <DraggableItem item={item}>{children}</DraggableItem>;
}

function DraggableItem({ item, children }: Omit<SortableItemProps, "enabled">) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.paperId });
  const handle = (
    <button
      ref={setActivatorNodeRef}
      type="button"
      {...attributes}
      {...listeners}
      aria-label={`Drag to reorder ${item.title}`}
      title="Drag to reorder (or focus and press Space, then the arrow keys)"
      className={`${ui.small} ${ui.focus} cursor-grab touch-none active:cursor-grabbing`}
    >
      <GripIcon className="size-3.5" />
    </button>
  );
  return (
    <li
      ref={setNodeRef}
      data-testid="list-item"
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={isDragging ? "relative z-10 rounded-xl opacity-90 shadow-lg ring-2 ring-sky-400" : undefined}
    >
      {children(handle)}
    </li>
  );
}
