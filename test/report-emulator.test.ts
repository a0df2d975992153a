/** The emulator's DocumentApp and DriveApp keep Apps Script's defaults, rules and errors. */
import { describe, expect, it } from 'vitest';
import { DocumentAppModel, ParagraphModel, type TableModel } from '../emulator/services/document';
import { DriveAppModel } from '../emulator/services/drive';

function newDoc() {
  const drive = new DriveAppModel();
  const docs = new DocumentAppModel(drive);
  return { drive, doc: docs.create('Thử'), docs };
}

describe('emulated DocumentApp', () => {
  it('makes a new Doc as Google Docs does: Letter, 1-inch margins, one empty Arial 11 paragraph', () => {
    const { doc, drive } = newDoc();
    const body = doc.getBody();
    expect([body.getPageWidth(), body.getPageHeight(), body.getMarginTop(), body.getMarginLeft()]).toEqual([612, 792, 72, 72]);
    expect(body.getNumChildren()).toBe(1);
    const p = body.getChild(0) as ParagraphModel;
    expect(p.getText()).toBe('');
    expect(p.styledRuns()[0]!.attrs).toMatchObject({ FONT_FAMILY: 'Arial', FONT_SIZE: 11, BOLD: false });
    expect(p.getAttributes()).toMatchObject({ FONT_FAMILY: null, HORIZONTAL_ALIGNMENT: null });
    expect(drive.getRootFolder().getFiles().next()).toMatchObject({
      name: 'Thử',
      mimeType: 'application/vnd.google-apps.document',
    });
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
  });

  it('ends a section with a paragraph: an appended table brings one, and the last cannot be removed', () => {
    const { doc } = newDoc();
    const body = doc.getBody();
    const table = body.appendTable([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(body.getNumChildren()).toBe(3);
    const after = table.getNextSibling() as ParagraphModel;
    expect(after).toBeInstanceOf(ParagraphModel);
    expect(() => after.removeFromParent()).toThrow("Can't remove the last paragraph in a document section.");
    (body.getChild(0) as ParagraphModel).removeFromParent();
    expect(body.getChild(0)).toBe(table);
    expect(() => body.insertTable(0, [['a'], ['b', 'c']])).toThrow(/Invalid argument: cells/);
    expect(() => body.appendParagraph(5 as unknown as string)).toThrow(
      "The parameters (number) don't match the method signature for DocumentApp.Body.appendParagraph.",
    );
  });

  it('applies text attributes of a container to all its text and keeps paragraph attributes per paragraph', () => {
    const { doc } = newDoc();
    const body = doc.getBody();
    const table = body.appendTable([
      ['Chỉ tiêu', 'Kết quả'],
      ['x', '1'],
    ]) as TableModel;
    table.setAttributes({ FONT_FAMILY: 'Times New Roman', FONT_SIZE: 12, HORIZONTAL_ALIGNMENT: 'CENTER', BORDER_WIDTH: 0 });
    const cell = table.getCell(1, 1).getChild(0) as ParagraphModel;
    expect(cell.styledRuns()[0]!.attrs).toMatchObject({ FONT_FAMILY: 'Times New Roman', FONT_SIZE: 12 });
    expect(cell.style().HORIZONTAL_ALIGNMENT).toBe('LEFT');
    expect(table.getBorderWidth()).toBe(0);
    table.getRow(0).editAsText().setBold(true);
    expect((table.getCell(0, 1).getChild(0) as ParagraphModel).styledRuns()[0]!.attrs.BOLD).toBe(true);
    expect(cell.styledRuns()[0]!.attrs.BOLD).toBe(false);
    expect(() => table.setColumnWidth(2, 10)).toThrow(/Column index \(2\)/);
    expect(() => cell.setAttributes({ FONT_SIZE: 0 })).toThrow('Invalid argument: FONT_SIZE');
    expect(() => cell.setAttributes({ HORIZONTAL_ALIGNMENT: 'MIDDLE' })).toThrow('Invalid argument: HORIZONTAL_ALIGNMENT');
  });

  it('styles character ranges, keeps the first character’s style on setText, and returns nothing from it', () => {
    const { doc } = newDoc();
    const p = doc.getBody().appendParagraph('Nơi nhận: các phòng');
    p.editAsText().setAttributes(0, 8, { BOLD: true, ITALIC: true });
    expect(p.styledRuns().map((r) => [r.text, r.attrs.BOLD])).toEqual([
      ['Nơi nhận:', true],
      [' các phòng', false],
    ]);
    p.appendText('!').setFontSize(20);
    expect(p.styledRuns().at(-1)).toMatchObject({ text: '!', attrs: { FONT_SIZE: 20, BOLD: false } });
    expect(p.setText('Mới')).toBeUndefined();
    expect(p.styledRuns()).toEqual([{ text: 'Mới', attrs: expect.objectContaining({ BOLD: true, ITALIC: true }) }]);
  });
});

describe('emulated DriveApp', () => {
  it('refuses what the user cannot see or write, as Apps Script words it', () => {
    const { drive, doc } = newDoc();
    const hidden = drive.addFolder('Bí mật', drive.root, 'none');
    const readOnly = drive.addFolder('Chỉ xem', drive.root, 'view');
    const notFound =
      'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
    expect(() => drive.getFolderById('khong-co-thu-muc-nay')).toThrow(notFound);
    expect(() => drive.getFolderById(hidden.getId())).toThrow(notFound);
    const file = drive.getFileById(doc.getId());
    expect(() => file.moveTo(drive.getFolderById(readOnly.getId()))).toThrow('Access denied: DriveApp.');
    expect(file.getParents().next()).toBe(drive.root);
    const iterator = readOnly.getFiles();
    expect(iterator.hasNext()).toBe(false);
    expect(() => iterator.next()).toThrow('Cannot retrieve the next object: iterator has reached the end.');
  });

  it('moves a file into a folder it may write to', () => {
    const { drive, doc } = newDoc();
    const folder = drive.addFolder('Báo cáo');
    drive.getFileById(doc.getId()).moveTo(folder);
    expect(folder.getFiles().next().getId()).toBe(doc.getId());
    expect(drive.root.getFiles().hasNext()).toBe(false);
  });
});
