import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Store } from '../store/store.js';
import type { AuditContent, AuditRow, AuditSubjectKey } from '../store/audit.js';

/** Someone an audit row names: by account, or by email before there is an account. */
export interface AuditPerson {
  id: string | null;
  email: string | null;
}

/**
 * A name or email inside audit details. Written as the plain value, or, with AUDIT_ERASURE=forget,
 * sealed with its person's key, so that erasing them makes it unreadable.
 */
export class PersonalValue {
  constructor(
    readonly person: AuditPerson,
    readonly value: string | null,
  ) {}

  toJSON(): string | null {
    return this.value;
  }
}

/** Marks a person's name or email in audit details (see `PersonalValue`). */
export function personal(person: AuditPerson, value: string | null): PersonalValue {
  return new PersonalValue(person, value);
}

/** How a sealed value in details is written: an object no plain value has. */
interface SealedDetail {
  $sealed: string;
}

const SEALED = /^(\d+)\.([A-Za-z0-9_-]+)$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const aad = (n: string) => Buffer.from(`gatehouse.audit.subject.${n}`);

function seal(subject: AuditSubjectKey, value: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', subject.key, iv).setAAD(aad(subject.n));
  const sealed = Buffer.concat([iv, cipher.update(value, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${subject.n}.${sealed.toString('base64url')}`;
}

/** The plain value, `erased person #n` when its key is gone, or `(unreadable)` when it was altered. */
function open(sealed: string, keys: Map<string, Buffer>): { text: string; erased: boolean } {
  const [, n, data] = SEALED.exec(sealed) ?? [];
  if (n === undefined || data === undefined) return { text: sealed, erased: false };
  const key = keys.get(n);
  if (!key) return { text: `erased person #${n}`, erased: true };
  const bytes = Buffer.from(data, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES)).setAAD(aad(n));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const text = decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES), undefined, 'utf8');
    return { text: text + decipher.final('utf8'), erased: false };
  } catch {
    return { text: '(unreadable)', erased: false };
  }
}

const personKey = (p: AuditPerson) => `${p.id ?? ''}|${p.email ?? ''}`;
const isSomeone = (p: AuditPerson | undefined): p is AuditPerson =>
  p !== undefined && (p.id !== null || p.email !== null);

/** A plain `{…}` object: walked into, unlike a Date or another value JSON writes its own way. */
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

function personalValuesIn(value: unknown): PersonalValue[] {
  if (value instanceof PersonalValue) return [value];
  if (Array.isArray(value)) return value.flatMap(personalValuesIn);
  if (isPlainObject(value)) return Object.values(value).flatMap(personalValuesIn);
  return [];
}

function mapDetails(value: unknown, fn: (v: PersonalValue) => unknown): unknown {
  if (value instanceof PersonalValue) return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapDetails(v, fn));
  if (isPlainObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapDetails(v, fn)]));
  return value;
}

/**
 * The row's content as the trail stores it. With AUDIT_ERASURE=forget, the names and emails of actor,
 * target and every `personal(...)` value in details are sealed with their person's key (created on
 * first use, one round trip); otherwise they are written as they are.
 */
export async function sealContent(
  store: Store,
  content: Omit<AuditContent, 'sealed'>,
  people: { actor?: AuditPerson; target?: AuditPerson },
): Promise<AuditContent> {
  if (store.auditTrail.erasure === 'keep')
    return {
      ...content,
      details: mapDetails(content.details, (v) => v.value) as AuditContent['details'],
      sealed: false,
    };
  const mentioned = [people.actor, people.target, ...personalValuesIn(content.details).map((v) => v.person)];
  const unique = new Map(mentioned.filter(isSomeone).map((p) => [personKey(p), p]));
  const keys = await store.audit.auditSubjectKeys(
    [...unique.values()].map((p) => ({ userId: p.id, email: p.email, newKey: randomBytes(32) })),
  );
  const subjects = new Map([...unique.keys()].map((k, i) => [k, keys[i]!]));
  const subjectOf = (person: AuditPerson | undefined) =>
    isSomeone(person) ? subjects.get(personKey(person)) : undefined;
  const sealFor = (person: AuditPerson | undefined, value: string | null): string | null => {
    const subject = subjectOf(person);
    return subject && value !== null ? seal(subject, value) : value;
  };
  return {
    ...content,
    actorName: sealFor(people.actor, content.actorName)!,
    actorEmail: sealFor(people.actor, content.actorEmail),
    targetName: sealFor(people.target, content.targetName),
    targetEmail: sealFor(people.target, content.targetEmail),
    details: mapDetails(content.details, (v): SealedDetail | string | null => {
      const subject = subjectOf(v.person);
      return subject && v.value !== null ? { $sealed: seal(subject, v.value) } : v.value;
    }) as AuditContent['details'],
    sealed: true,
  };
}

function isSealedDetail(value: unknown): value is SealedDetail {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    typeof (value as Partial<SealedDetail>).$sealed === 'string'
  );
}

function sealedNumbers(row: AuditRow): string[] {
  if (!row.sealed) return [];
  const found: string[] = [];
  const note = (sealed: string | null) => {
    const n = sealed === null ? undefined : SEALED.exec(sealed)?.[1];
    if (n !== undefined) found.push(n);
  };
  const visit = (value: unknown): void => {
    if (isSealedDetail(value)) note(value.$sealed);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  [row.actorName, row.actorEmail, row.targetName, row.targetEmail].forEach(note);
  visit(row.details);
  return found;
}

/** A person's name and email opened; once they are erased, `erased person #n` and no email. */
function openPerson(
  name: string | null,
  email: string | null,
  keys: Map<string, Buffer>,
): { name: string | null; email: string | null } {
  const [openedName, openedEmail] = [name, email].map((v) => (v === null ? null : open(v, keys)));
  const erased = [openedName, openedEmail].find((v) => v?.erased);
  return erased
    ? { name: erased.text, email: null }
    : { name: openedName?.text ?? null, email: openedEmail?.text ?? null };
}

function openDetails(value: unknown, keys: Map<string, Buffer>): unknown {
  if (isSealedDetail(value)) return open(value.$sealed, keys).text;
  if (Array.isArray(value)) return value.map((v) => openDetails(v, keys));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, openDetails(v, keys)]));
  return value;
}

/**
 * Rows as people read them: sealed names and emails opened with their person's key, or shown as
 * `erased person #n` (the same n for the same person, and no email) once that person is erased.
 */
export async function openAuditRows(store: Store, rows: AuditRow[]): Promise<AuditRow[]> {
  const ns = [...new Set(rows.flatMap(sealedNumbers))];
  if (ns.length === 0) return rows;
  const keys = new Map((await store.audit.findAuditSubjectKeys(ns)).map((s) => [s.n, s.key]));
  return rows.map((row) => {
    if (!row.sealed) return row;
    const actor = openPerson(row.actorName, row.actorEmail, keys);
    const target = openPerson(row.targetName, row.targetEmail, keys);
    return {
      ...row,
      actorName: actor.name ?? row.actorName,
      actorEmail: actor.email,
      targetName: target.name,
      targetEmail: target.email,
      details: openDetails(row.details, keys) as AuditRow['details'],
    };
  });
}
