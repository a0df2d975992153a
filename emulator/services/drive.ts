/**
 * DriveApp: folders and files (the spreadsheet itself, documents that DocumentApp creates), with
 * Apps Script's errors for items the user cannot open or cannot write to.
 */
import { ServiceObject } from '../realm';
import { AppsScriptError } from '../errors';

/** What the user may do with an item: open and add to it, only open it, or not even see it. */
export type Access = 'edit' | 'view' | 'none';

export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  document: 'application/vnd.google-apps.document',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
} as const;

const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

abstract class ItemModel extends ServiceObject {
  readonly service = 'drive' as const;
  parent: FolderModel | null = null;
  trashed = false;
  access: Access = 'edit';

  constructor(
    readonly id: string,
    public name: string,
  ) {
    super();
  }

  getId() {
    return this.id;
  }
  getName() {
    return this.name;
  }
  setName(name: string) {
    this.name = String(name);
    return this;
  }
  isTrashed() {
    return this.trashed;
  }
  setTrashed(trashed: boolean) {
    this.trashed = Boolean(trashed);
    return this;
  }
  getParents() {
    return new IteratorModel('FolderIterator', this.parent && this.parent.access !== 'none' ? [this.parent] : []);
  }

  moveTo(destination: FolderModel) {
    if (!(destination instanceof FolderModel)) {
      throw new AppsScriptError(
        `The parameters (${typeof destination}) don't match the method signature for DriveApp.${this.kind}.moveTo.`,
      );
    }
    if (this.access !== 'edit' || destination.access !== 'edit') throw new AppsScriptError('Access denied: DriveApp.');
    this.parent = destination;
    return this;
  }
}

export class FileModel extends ItemModel {
  readonly kind = 'File';

  constructor(
    id: string,
    name: string,
    readonly mimeType: string,
    readonly url: string,
  ) {
    super(id, name);
  }

  /** Host-side: copies what the file holds (a document's content), set by the service that made it. */
  copyContent?: (from: FileModel, to: FileModel) => void;
  drive?: DriveAppModel;

  getMimeType() {
    return this.mimeType;
  }
  getUrl() {
    return this.url;
  }

  makeCopy(name: string, destination?: FolderModel) {
    if (typeof name !== 'string' || (destination !== undefined && !(destination instanceof FolderModel))) {
      throw new AppsScriptError(`The parameters (${typeof name}) don't match the method signature for DriveApp.File.makeCopy.`);
    }
    const folder = destination ?? this.parent ?? this.drive!.root;
    if (this.access === 'none' || folder.access !== 'edit') throw new AppsScriptError('Access denied: DriveApp.');
    const id = this.drive!.newId(this.mimeType === MIME.document ? 'doc' : 'file');
    const url =
      this.mimeType === MIME.document ? `https://docs.google.com/document/d/${id}/edit` : `https://drive.google.com/file/d/${id}`;
    const copy = this.drive!.addFile(new FileModel(id, name, this.mimeType, url), folder);
    copy.copyContent = this.copyContent;
    this.copyContent?.(this, copy);
    return copy;
  }
}

export class FolderModel extends ItemModel {
  readonly kind = 'Folder';

  constructor(
    id: string,
    name: string,
    private readonly drive: DriveAppModel,
  ) {
    super(id, name);
  }

  getUrl() {
    return `https://drive.google.com/drive/folders/${this.id}`;
  }
  /** The user's permission (DriveApp.Permission's name): the emulated user's access to the folder. */
  getAccess(_user: string) {
    return this.access === 'edit' ? 'EDIT' : this.access === 'view' ? 'VIEW' : 'NONE';
  }
  getFiles() {
    return new IteratorModel(
      'FileIterator',
      this.drive.files.filter((f) => f.parent === this && !f.trashed),
    );
  }
  getFilesByName(name: string) {
    return new IteratorModel(
      'FileIterator',
      this.drive.files.filter((f) => f.parent === this && !f.trashed && f.name === String(name)),
    );
  }
}

export class IteratorModel<T> extends ServiceObject {
  readonly service = 'drive' as const;
  private at = 0;

  constructor(
    readonly kind: 'FileIterator' | 'FolderIterator',
    private readonly items: readonly T[],
  ) {
    super();
  }

  hasNext() {
    return this.at < this.items.length;
  }
  next() {
    if (this.at >= this.items.length) throw new AppsScriptError('Cannot retrieve the next object: iterator has reached the end.');
    return this.items[this.at++]!;
  }
}

export class DriveAppModel extends ServiceObject {
  readonly kind = 'DriveApp';
  readonly service = 'drive' as const;
  readonly files: FileModel[] = [];
  readonly folders: FolderModel[] = [];
  readonly root: FolderModel;
  private nextId = 1;

  constructor() {
    super();
    this.root = new FolderModel('root-folder-id', 'My Drive', this);
    this.folders.push(this.root);
  }

  /** Drive ids are long; these keep the shape (letters, digits, - and _) and stay readable in tests. */
  newId(prefix: string): string {
    return `${prefix}-${String(this.nextId++).padStart(6, '0')}`;
  }

  // Host-side set-up and inspection.
  addFolder(name: string, parent: FolderModel = this.root, access: Access = 'edit'): FolderModel {
    const folder = new FolderModel(this.newId('folder'), name, this);
    folder.parent = parent;
    folder.access = access;
    this.folders.push(folder);
    return folder;
  }

  addFile(file: FileModel, parent: FolderModel = this.root): FileModel {
    file.parent = parent;
    file.drive = this;
    this.files.push(file);
    return file;
  }

  private visible<T extends ItemModel>(items: readonly T[], id: string): T {
    const hit = items.find((i) => i.id === String(id) && i.access !== 'none');
    if (!hit) throw new AppsScriptError(NOT_FOUND);
    return hit;
  }

  // The script's API.
  getRootFolder() {
    return this.root;
  }
  getFileById(id: string) {
    return this.visible(this.files, id);
  }
  getFolderById(id: string) {
    return this.visible(this.folders, id);
  }
}
