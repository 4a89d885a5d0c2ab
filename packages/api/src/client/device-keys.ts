import { createDeviceKey, type DeviceKey } from "../device/proof";

/**
 * Where the device key lives. Browsers keep the non-extractable CryptoKey in IndexedDB (the key
 * object is stored, its private half can never be read out); Node keeps it in memory for the
 * life of the process, which is what a load test's simulated device is.
 */
export interface DeviceKeyStore {
  load(): Promise<DeviceKey | undefined>;
  save(key: DeviceKey): Promise<void>;
}

export const memoryDeviceKeyStore = (initial?: DeviceKey): DeviceKeyStore => {
  let key = initial;
  return { load: async () => key, save: async (next) => void (key = next) };
};

/** The stored key, or a new one made and stored now. */
export async function loadOrCreateDeviceKey(store: DeviceKeyStore): Promise<DeviceKey> {
  const existing = await store.load();
  if (existing) return existing;
  const created = await createDeviceKey();
  await store.save(created);
  return created;
}
