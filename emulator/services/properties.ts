/** PropertiesService with Apps Script's quotas: 9 KB per value, 500 KB per store. */
import { ServiceObject } from '../realm';
import { AppsScriptError } from '../errors';

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

export class PropertiesModel extends ServiceObject {
  readonly kind = 'Properties';
  readonly service = 'properties' as const;
  readonly data = new Map<string, string>();

  size(): number {
    let n = 0;
    for (const [k, v] of this.data) n += bytes(k) + bytes(v);
    return n;
  }

  getProperty(key: string) {
    return this.data.get(key) ?? null;
  }
  getProperties() {
    return Object.fromEntries(this.data);
  }
  getKeys() {
    return [...this.data.keys()];
  }

  setProperty(key: string, value: string) {
    const v = String(value);
    if (bytes(v) > MAX_VALUE_BYTES) throw new AppsScriptError('Argument too large: value');
    const before = this.data.get(key);
    this.data.set(key, v);
    if (this.size() > MAX_STORE_BYTES) {
      if (before === undefined) this.data.delete(key);
      else this.data.set(key, before);
      throw new AppsScriptError('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    return this;
  }

  setProperties(props: Record<string, string>, deleteAllOthers = false) {
    if (deleteAllOthers) this.data.clear();
    for (const [k, v] of Object.entries(props)) this.setProperty(k, v);
    return this;
  }

  deleteProperty(key: string) {
    this.data.delete(key);
    return this;
  }
  deleteAllProperties() {
    this.data.clear();
    return this;
  }
}

export class PropertiesServiceModel extends ServiceObject {
  readonly kind = 'PropertiesService';
  readonly service = 'properties' as const;
  readonly script = new PropertiesModel();
  readonly document = new PropertiesModel();
  readonly user = new PropertiesModel();

  getScriptProperties() {
    return this.script;
  }
  getDocumentProperties() {
    return this.document;
  }
  getUserProperties() {
    return this.user;
  }
}
