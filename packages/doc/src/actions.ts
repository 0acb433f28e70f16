// Action items: flat Y.Maps in the `actions` root map. Each field is its own
// key (title a Y.Text, linked factors a Y.Map<true> set), so concurrent edits
// of different fields of one item all survive. Priority is derived from impact
// and effort in the read model, never stored.
import { safeHref } from './links.ts';
import * as Y from 'yjs';
import {
  ACTION_STATUSES,
  ActionKey,
  type ActionStatus,
  LEVELS,
  type Level,
  type OpContext,
  type RecordMap,
  origin,
  roots,
} from './schema.ts';
import { replaceText } from './textEdit.ts';
import { httpUrl, isIsoDate, label, oneOf } from './validate.ts';
import { flattenWhys, readWhysTree } from './whysTree.ts';
import { setMembers, setReplace } from './ySet.ts';

/** The method asks for three to five open items; views warn above this. */
export const OPEN_ACTIONS_LIMIT = 5;

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

// Rows: impact, columns: effort (low, medium, high). High impact at low effort first.
const PRIORITY_MATRIX: Record<Level, Record<Level, Priority>> = {
  high: { low: 'P1', medium: 'P1', high: 'P2' },
  medium: { low: 'P2', medium: 'P2', high: 'P3' },
  low: { low: 'P3', medium: 'P4', high: 'P4' },
};

/** Priority from impact and effort (P1 = do first); null while either is unset. */
export function priorityOf(impact: Level | null, effort: Level | null): Priority | null {
  return impact === null || effort === null ? null : PRIORITY_MATRIX[impact][effort];
}

/** Editable fields of an action item. `null` clears an optional field. */
export interface ActionFields {
  title?: string;
  owner?: string | null;
  /** Calendar date `YYYY-MM-DD`. */
  due?: string | null;
  impact?: Level | null;
  effort?: Level | null;
  status?: ActionStatus;
  /** Whys node ids this item addresses (replaces the set, touching only differences). */
  factorIds?: string[];
  /** Tracker issue URL. */
  link?: string | null;
}

// Validates a patch up front so a bad field changes nothing.
function checkFields(f: ActionFields): void {
  if (f.title !== undefined && f.title.length > 300) throw new Error('an action title is at most 300 characters');
  if (f.owner !== undefined && f.owner !== null) label('owner', f.owner, 100);
  if (f.due !== undefined && f.due !== null && !isIsoDate(f.due)) {
    throw new Error(`due must be a date written YYYY-MM-DD, got ${JSON.stringify(f.due)}`);
  }
  if (f.impact !== undefined && f.impact !== null) oneOf('impact', LEVELS, f.impact);
  if (f.effort !== undefined && f.effort !== null) oneOf('effort', LEVELS, f.effort);
  if (f.status !== undefined) oneOf('action status', ACTION_STATUSES, f.status);
  if (f.link !== undefined && f.link !== null) httpUrl('link', f.link);
}

function setOrClear(map: RecordMap, key: string, value: unknown): void {
  if (value === null) map.delete(key);
  else map.set(key, value);
}

// Done and won't-do are closed: closing stamps `completedAt`, reopening clears it.
const isClosed = (s: unknown): boolean => s === 'done' || s === 'wont_do';

function writeFields(item: RecordMap, f: ActionFields, now: number): void {
  if (f.title !== undefined) {
    const title = item.get(ActionKey.title);
    if (title instanceof Y.Text) replaceText(title, f.title);
    else item.set(ActionKey.title, new Y.Text(f.title));
  }
  if (f.owner !== undefined) setOrClear(item, ActionKey.owner, f.owner === null ? null : f.owner.trim());
  if (f.due !== undefined) setOrClear(item, ActionKey.due, f.due);
  if (f.impact !== undefined) setOrClear(item, ActionKey.impact, f.impact);
  if (f.effort !== undefined) setOrClear(item, ActionKey.effort, f.effort);
  if (f.status !== undefined) {
    if (isClosed(f.status) && !isClosed(item.get(ActionKey.status))) item.set(ActionKey.completedAt, now);
    if (!isClosed(f.status)) item.delete(ActionKey.completedAt);
    item.set(ActionKey.status, f.status);
  }
  if (f.link !== undefined) setOrClear(item, ActionKey.link, f.link === null ? null : httpUrl('link', f.link));
  if (f.factorIds !== undefined) {
    const set = factorSet(item, f.factorIds.length > 0);
    if (set) setReplace(set, f.factorIds);
  }
}

// The item's linked-factor set, created on the first link (null when absent and not creating).
function factorSet(item: RecordMap, create = true): Y.Map<true> | null {
  const current = item.get(ActionKey.factorIds);
  if (current instanceof Y.Map) return current as Y.Map<true>;
  if (!create) return null;
  const set = new Y.Map<true>();
  item.set(ActionKey.factorIds, set);
  return set;
}

function getAction(doc: Y.Doc, id: string): RecordMap {
  const item = roots(doc).actions.get(id);
  if (!(item instanceof Y.Map)) throw new Error(`no action item ${id}`);
  return item;
}

/** Adds an action item (status `open` unless given); returns its id. */
export function addAction(doc: Y.Doc, input: ActionFields & { title: string }, ctx: OpContext): string {
  checkFields(input);
  const id = ctx.newId();
  doc.transact(
    () => {
      // Lean (schema v3): the id is the key; `open` and no linked factors are left absent.
      const item: RecordMap = new Y.Map();
      const now = ctx.now();
      roots(doc).actions.set(id, item);
      item.set(ActionKey.title, new Y.Text(input.title));
      const status = input.status === 'open' ? undefined : input.status;
      writeFields(item, { ...input, title: undefined, status }, now);
      item.set(ActionKey.createdAt, now);
      if (ctx.actor !== undefined) item.set(ActionKey.createdBy, ctx.actor);
    },
    origin('addAction', ctx),
  );
  return id;
}

/** Changes the given fields only; concurrent updates of other fields are kept. */
export function updateAction(doc: Y.Doc, input: ActionFields & { id: string }, ctx: OpContext): void {
  checkFields(input);
  doc.transact(
    () => {
      writeFields(getAction(doc, input.id), input, ctx.now());
    },
    origin('updateAction', ctx),
  );
}

/** The title's Y.Text, for binding an input to it directly. */
export function getActionTitle(doc: Y.Doc, id: string): Y.Text {
  const title = getAction(doc, id).get(ActionKey.title);
  if (!(title instanceof Y.Text)) throw new Error(`action ${id} has no title text`);
  return title;
}

/** Links the item to a whys node it addresses. */
export function linkActionFactor(doc: Y.Doc, input: { id: string; nodeId: string }, ctx: OpContext): void {
  if (!(roots(doc).whys.get(input.nodeId) instanceof Y.Map)) throw new Error(`no whys node ${input.nodeId} to link`);
  doc.transact(() => factorSet(getAction(doc, input.id))!.set(input.nodeId, true), origin('linkActionFactor', ctx));
}

/** Unlinks a whys node from the item. */
export function unlinkActionFactor(doc: Y.Doc, input: { id: string; nodeId: string }, ctx: OpContext): void {
  doc.transact(
    () => factorSet(getAction(doc, input.id), false)?.delete(input.nodeId),
    origin('unlinkActionFactor', ctx),
  );
}

/** Deletes an action item. */
export function deleteAction(doc: Y.Doc, id: string, ctx: OpContext): void {
  doc.transact(() => roots(doc).actions.delete(id), origin('deleteAction', ctx));
}

export interface ActionView {
  id: string;
  title: string;
  owner: string | null;
  due: string | null;
  impact: Level | null;
  effort: Level | null;
  priority: Priority | null;
  status: ActionStatus;
  /** Linked whys nodes that still exist, sorted. */
  factorIds: string[];
  /** The issue link as written (what the edit field shows). */
  link: string | null;
  /** `link` when it may render as a link (http, https, mailto: `safeHref`), else null: show `link` as text. */
  linkHref: string | null;
  /**
   * When it was last closed (done or won't do); null while open. An item closed
   * before `completedAt` existed reads its v2 `updatedAt` (the v3 migration
   * stores that as its `completedAt`), else null.
   */
  completedAt: number | null;
  createdAt: number;
  createdBy: string | null;
}

export interface ActionsModel {
  /** By priority (unset last), then due date (unset last), then creation, then id. */
  items: ActionView[];
  /** Items neither done nor won't-do. */
  openCount: number;
  /** True past OPEN_ACTIONS_LIMIT open items. */
  overLimit: boolean;
  /** Ids of whys nodes marked as contributing factors that no open, in-progress or done item addresses. */
  factorsWithoutAction: string[];
}

const isOpen = (s: ActionStatus): boolean => s === 'open' || s === 'in_progress';

function readAction(item: RecordMap, id: string, whys: Y.Map<RecordMap>): ActionView {
  const s = (k: string): string | null => {
    const v = item.get(k);
    return v instanceof Y.Text ? v.toString() : typeof v === 'string' ? v : null;
  };
  const level = (k: string): Level | null => {
    const v = item.get(k);
    return LEVELS.includes(v as Level) ? (v as Level) : null;
  };
  const n = (k: string): number | null => {
    const v = item.get(k);
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const impact = level(ActionKey.impact);
  const effort = level(ActionKey.effort);
  const status = item.get(ActionKey.status);
  const due = s(ActionKey.due);
  const createdAt = n(ActionKey.createdAt) ?? 0;
  return {
    id,
    title: s(ActionKey.title) ?? '',
    owner: s(ActionKey.owner),
    due: isIsoDate(due) ? due : null,
    impact,
    effort,
    priority: priorityOf(impact, effort),
    status: ACTION_STATUSES.includes(status as ActionStatus) ? (status as ActionStatus) : 'open',
    factorIds: setMembers(item.get(ActionKey.factorIds)).filter((nodeId) => whys.has(nodeId)),
    link: s(ActionKey.link),
    linkHref: safeHref(s(ActionKey.link)),
    completedAt: isClosed(status) ? (n(ActionKey.completedAt) ?? n(ActionKey.updatedAt)) : null,
    createdAt,
    createdBy: s(ActionKey.createdBy),
  };
}

function compareActions(a: ActionView, b: ActionView): number {
  const rank = (p: Priority | null): number => (p === null ? PRIORITIES.length : PRIORITIES.indexOf(p));
  const dueKey = (d: string | null): string => d ?? '9999-99-99';
  return (
    rank(a.priority) - rank(b.priority) ||
    (dueKey(a.due) < dueKey(b.due) ? -1 : dueKey(a.due) > dueKey(b.due) ? 1 : 0) ||
    a.createdAt - b.createdAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The action items with their derived priority, the open count and the uncovered factors. */
export function readActionsModel(doc: Y.Doc): ActionsModel {
  const { actions, whys } = roots(doc);
  const items: ActionView[] = [];
  actions.forEach((item, id) => {
    if (item instanceof Y.Map) items.push(readAction(item, id, whys));
  });
  items.sort(compareActions);
  const openCount = items.filter((i) => isOpen(i.status)).length;
  const covered = new Set(items.filter((i) => i.status !== 'wont_do').flatMap((i) => i.factorIds));
  const factorsWithoutAction = flattenWhys(readWhysTree(doc))
    .filter((v) => v.factor !== null && !covered.has(v.id))
    .map((v) => v.id);
  return { items, openCount, overLimit: openCount > OPEN_ACTIONS_LIMIT, factorsWithoutAction };
}

/** Ids of contributing-factor nodes with no action addressing them, in tree order. */
export function factorsWithoutAction(doc: Y.Doc): string[] {
  return readActionsModel(doc).factorsWithoutAction;
}
