// Annotations the facilitator (or anyone) pins on a timeline entry or a whys
// node: a delay, missing information, failed automation, or a comment.
import * as Y from 'yjs';
import {
  ANNOTATION_KINDS,
  ANNOTATION_TARGETS,
  AnnotationKey,
  type AnnotationKind,
  type AnnotationTargetType,
  type OpContext,
  type RecordMap,
  origin,
  roots,
} from './schema.ts';
import { replaceText } from './textEdit.ts';
import { ensureText } from './recordFields.ts';
import { oneOf } from './validate.ts';

export interface AnnotationTarget {
  type: AnnotationTargetType;
  id: string;
}

function targetExists(doc: Y.Doc, target: AnnotationTarget): boolean {
  const { timeline, whys } = roots(doc);
  return (target.type === 'entry' ? timeline : whys).get(target.id) instanceof Y.Map;
}

/** Adds an annotation by `ctx.actor` at `ctx.now()` on an existing entry or whys node; returns its id. */
export function addAnnotation(
  doc: Y.Doc,
  input: { target: AnnotationTarget; kind: AnnotationKind; text?: string },
  ctx: OpContext,
): string {
  const type = oneOf('annotation target', ANNOTATION_TARGETS, input.target.type);
  const kind = oneOf('annotation kind', ANNOTATION_KINDS, input.kind);
  if (!targetExists(doc, input.target)) throw new Error(`no ${type} ${input.target.id} to annotate`);
  const id = ctx.newId();
  doc.transact(
    () => {
      // Lean (schema v3): the id is the key; no author and unresolved are left absent.
      const a: RecordMap = new Y.Map();
      a.set(AnnotationKey.targetType, type);
      a.set(AnnotationKey.targetId, input.target.id);
      a.set(AnnotationKey.kind, kind);
      a.set(AnnotationKey.text, new Y.Text(input.text ?? ''));
      if (ctx.actor !== undefined) a.set(AnnotationKey.author, ctx.actor);
      a.set(AnnotationKey.at, ctx.now());
      roots(doc).annotations.set(id, a);
    },
    origin('addAnnotation', ctx),
  );
  return id;
}

function getAnnotation(doc: Y.Doc, id: string): RecordMap {
  const a = roots(doc).annotations.get(id);
  if (!(a instanceof Y.Map)) throw new Error(`no annotation ${id}`);
  return a;
}

/** The annotation's Y.Text, for binding an input to it directly. */
export function getAnnotationText(doc: Y.Doc, id: string): Y.Text {
  const text = getAnnotation(doc, id).get(AnnotationKey.text);
  if (!(text instanceof Y.Text)) throw new Error(`annotation ${id} has no text`);
  return text;
}

/** Makes the annotation read `text`, changing only the span that differs. */
export function setAnnotationText(doc: Y.Doc, input: { id: string; text: string }, ctx: OpContext): void {
  doc.transact(
    () => replaceText(ensureText(getAnnotation(doc, input.id), AnnotationKey.text), input.text),
    origin('setAnnotationText', ctx),
  );
}

/** Changes the annotation's kind. */
export function setAnnotationKind(doc: Y.Doc, input: { id: string; kind: AnnotationKind }, ctx: OpContext): void {
  const kind = oneOf('annotation kind', ANNOTATION_KINDS, input.kind);
  doc.transact(() => getAnnotation(doc, input.id).set(AnnotationKey.kind, kind), origin('setAnnotationKind', ctx));
}

/** Marks the annotation resolved or reopens it. */
export function setAnnotationResolved(doc: Y.Doc, input: { id: string; resolved: boolean }, ctx: OpContext): void {
  doc.transact(
    () => getAnnotation(doc, input.id).set(AnnotationKey.resolved, input.resolved === true),
    origin('setAnnotationResolved', ctx),
  );
}

/** Deletes an annotation. */
export function deleteAnnotation(doc: Y.Doc, id: string, ctx: OpContext): void {
  doc.transact(() => roots(doc).annotations.delete(id), origin('deleteAnnotation', ctx));
}

export interface AnnotationView {
  id: string;
  target: AnnotationTarget;
  /** False when the annotated entry or node has been deleted. */
  targetExists: boolean;
  kind: AnnotationKind;
  text: string;
  author: string | null;
  at: number;
  resolved: boolean;
}

/** Annotations by time then id; `targetId` narrows to one entry or node. */
export function readAnnotations(doc: Y.Doc, filter: { targetId?: string } = {}): AnnotationView[] {
  const views: AnnotationView[] = [];
  roots(doc).annotations.forEach((a, id) => {
    if (!(a instanceof Y.Map)) return;
    const type = a.get(AnnotationKey.targetType);
    const targetId = a.get(AnnotationKey.targetId);
    const kind = a.get(AnnotationKey.kind);
    const text = a.get(AnnotationKey.text);
    const author = a.get(AnnotationKey.author);
    const at = a.get(AnnotationKey.at);
    if (typeof targetId !== 'string') return;
    if (filter.targetId !== undefined && filter.targetId !== targetId) return;
    const target: AnnotationTarget = { type: type === 'why' ? 'why' : 'entry', id: targetId };
    views.push({
      id,
      target,
      targetExists: targetExists(doc, target),
      kind: ANNOTATION_KINDS.includes(kind as AnnotationKind) ? (kind as AnnotationKind) : 'comment',
      text: text instanceof Y.Text ? text.toString() : typeof text === 'string' ? text : '',
      author: typeof author === 'string' ? author : null,
      at: typeof at === 'number' && Number.isFinite(at) ? at : 0,
      resolved: a.get(AnnotationKey.resolved) === true,
    });
  });
  return views.sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
