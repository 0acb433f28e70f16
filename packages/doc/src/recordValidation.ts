// Validate on write: checks a record an update touched against the schema in
// recordSchema.ts, naming the path of the first thing that does not fit. The
// server's write gate calls it for every touched record before an update is
// stored; a deleted record fits (there is nothing left to check).
import * as Y from 'yjs';
import { ROOT_SCHEMAS, type FieldSpec, type RecordRootSchema } from './recordSchema.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shared type, whatever its event type
type AnyType = Y.AbstractType<any>;

/** A record (or settings field) an update touched: `timeline/<entryId>`, `meta/title`, `narrative.impact`. */
export interface TouchedRecord {
  root: string;
  /** The key under the root map; null for a root text or fragment, or a change to a map's list part. */
  key: string | null;
}

/** Why a touched record does not fit the schema, naming its path; null when it fits. */
export type SchemaProblem = string | null;

function fieldProblem(path: string, value: unknown, spec: FieldSpec): SchemaProblem {
  if (value === null && 'nullable' in spec && spec.nullable) return null;
  switch (spec.type) {
    case 'string':
      if (typeof value !== 'string') return `${path} must be a string`;
      return value.length > spec.max ? `${path} is longer than ${spec.max} characters` : null;
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value)
        ? null
        : `${path} must be one of ${spec.values.join(', ')}`;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${path} must be a finite number`;
      if (spec.integer && !Number.isInteger(value)) return `${path} must be an integer`;
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        return `${path} is out of range`;
      }
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${path} must be true or false`;
    case 'text':
      if (!(value instanceof Y.Text)) return `${path} must be a Y.Text`;
      return value.length > spec.max ? `${path} is longer than ${spec.max} characters` : null;
    case 'xml':
      return value instanceof Y.XmlFragment && !(value instanceof Y.XmlElement)
        ? null
        : `${path} must be a Y.XmlFragment`;
    case 'set': {
      if (!(value instanceof Y.Map)) return `${path} must be a Y.Map set`;
      if (value.size > spec.maxMembers) return `${path} has more than ${spec.maxMembers} members`;
      for (const [member, v] of value.entries()) {
        if (v !== true || member.length === 0 || member.length > 200)
          return `${path} members must be short keys set to true`;
      }
      return null;
    }
  }
}

// Every accepted update validates the records it touched: the required fields are listed once per schema.
const requiredFields = new WeakMap<RecordRootSchema, string[]>();

function required(schema: RecordRootSchema): string[] {
  let fields = requiredFields.get(schema);
  if (!fields) {
    fields = Object.entries(schema.fields).flatMap(([field, rule]) => (rule.required ? [field] : []));
    requiredFields.set(schema, fields);
  }
  return fields;
}

function recordProblem(path: string, record: Y.Map<unknown>, key: string, schema: RecordRootSchema): SchemaProblem {
  for (const field of required(schema)) {
    if (!record.has(field)) return `${path}/${field} is required`;
  }
  for (const [field, value] of record.entries()) {
    const rule = schema.fields[field];
    if (!rule) return `${path}/${field} is not a field of this record`;
    const problem = fieldProblem(`${path}/${field}`, value, rule.spec);
    if (problem) return problem;
  }
  if (schema.keyField && record.has(schema.keyField) && record.get(schema.keyField) !== key) {
    return `${path}/${schema.keyField} must equal the record's key`;
  }
  return null;
}

/** Whether a map's list part (items without a key, invisible to Y.Map) holds anything. */
function hasListContent(type: AnyType): boolean {
  for (let item = type._start; item !== null; item = item.right) if (!item.deleted) return true;
  return false;
}

/**
 * Checks one touched record of `doc` against the schema. A record that was
 * deleted fits (there is nothing left to check).
 */
export function validateTouched(doc: Y.Doc, touched: TouchedRecord): SchemaProblem {
  const { root, key } = touched;
  const schema = ROOT_SCHEMAS.get(root);
  if (!schema) return `${root} is not a part of a review document`;
  const type = doc.share.get(root);
  if (!type) return null;
  const path = key === null ? root : `${root}/${key}`;
  if (schema.kind === 'text') {
    if (!(type instanceof Y.Text) && type.constructor !== Y.AbstractType) return `${root} must be a Y.Text`;
    if (key !== null || type._map.size > 0) return `${root} must be plain text`;
    return type._length > schema.max ? `${root} is longer than ${schema.max} characters` : null;
  }
  if (schema.kind === 'xml') {
    return schema.unused && (hasListContent(type) || type._map.size > 0) ? `${root} is not in use` : null;
  }
  if (key === null) return hasListContent(type) ? `${root} holds only keyed records` : null;
  const item = type._map.get(key);
  if (!item || item.deleted) return null;
  const value = item.content.getContent()[item.length - 1];
  if (schema.kind === 'values') {
    if (key.length === 0 || key.length > schema.maxKeyLength)
      return `${path}: the key must be 1 to ${schema.maxKeyLength} characters`;
    return fieldProblem(path, value, schema.value);
  }
  if (schema.kind === 'fields') {
    const rule = schema.fields[key];
    return rule ? fieldProblem(path, value, rule.spec) : `${path} is not a field of ${root}`;
  }
  if (key.length === 0 || key.length > schema.maxKeyLength)
    return `${path}: the key must be 1 to ${schema.maxKeyLength} characters`;
  if (!(value instanceof Y.Map)) return `${path} must be a Y.Map record`;
  return recordProblem(path, value, key, schema);
}
