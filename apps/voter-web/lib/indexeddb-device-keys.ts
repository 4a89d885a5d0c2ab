import type { DeviceKey, DeviceKeyStore } from "@landslide/api/client";

const DATABASE = "landslide";
const STORE = "device-keys";
const KEY = "current";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("The device key store could not be opened."));
  });
}

function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const request = action(db.transaction(STORE, mode).objectStore(STORE));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () =>
          reject(request.error ?? new Error("The device key store could not be read or written."));
      }),
  );
}

/**
 * The device key in IndexedDB. The private key is a non-extractable CryptoKey: the browser stores
 * the key object, and no script (ours or an injected one) can ever read its bytes out.
 */
export const indexedDbDeviceKeys = (): DeviceKeyStore => ({
  load: () => run<DeviceKey | undefined>("readonly", (store) => store.get(KEY) as IDBRequest<DeviceKey | undefined>),
  save: async (key) => {
    await run("readwrite", (store) => store.put(key, KEY));
  },
});
