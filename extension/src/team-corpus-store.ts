/**
 * The team's corpus index, imported in the options page: kept in the extension's IndexedDB
 * (storage.local holds JSON only, and an index is megabytes of bytes), read by the worker.
 */
const DB = 'outreach-lint';
const STORE = 'files';
const KEY = 'team-corpus';

function open(): Promise<IDBDatabase> {
  return new Promise((done, fail) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => done(req.result);
    req.onerror = () => fail(req.error);
  });
}

function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((done, fail) => {
        const req = act(db.transaction(STORE, mode).objectStore(STORE));
        req.onsuccess = () => done(req.result);
        req.onerror = () => fail(req.error);
      }),
  );
}

export function readTeamCorpus(): Promise<Uint8Array | undefined> {
  return run('readonly', (s) => s.get(KEY) as IDBRequest<Uint8Array | undefined>);
}

export async function saveTeamCorpus(bytes: Uint8Array): Promise<void> {
  await run('readwrite', (s) => s.put(bytes, KEY));
}

export async function clearTeamCorpus(): Promise<void> {
  await run('readwrite', (s) => s.delete(KEY));
}
