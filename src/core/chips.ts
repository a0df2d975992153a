/**
 * Smart chips. A Drive link pasted into a cell may become a file chip and an address a person
 * chip; getValues() then gives the chip's title (a file's name, a person's name), and only the
 * cell's rich-text link keeps what was pasted (`mailto:address` for a person, the file's URL).
 * The readers take the link where the value is not of the expected form.
 */
import { splitAddresses } from './email';
import { cellText, isBlank } from './text';

const FOLDER_LINK = /\/folders\/|[?&]id=/;

/** What a chip's link stands for: the address of a `mailto:` link, else the link itself. */
export function linkValue(link: string): string {
  return link.replace(/^mailto:/i, '');
}

/** A non-blank cell that is not a list of addresses (a person chip reads as a name). */
export const notAddresses = (v: unknown) => !isBlank(v) && splitAddresses(cellText(v)).invalid.length > 0;

/**
 * A non-blank cell that is not a Drive folder link: a file chip reads as its title, and a title
 * may even look like a folder ID, so only a link is taken as it is.
 */
export const notFolderLink = (v: unknown) => !isBlank(v) && !FOLDER_LINK.test(cellText(v));

/**
 * The cells of one column with each suspect cell's link in its place. `links` are the column's
 * rich-text links in the same order (null where a cell has none).
 */
export function withLinks(
  values: readonly unknown[],
  suspect: (v: unknown) => boolean,
  links: readonly (string | null)[],
): unknown[] {
  return values.map((v, i) => {
    const link = links[i];
    return suspect(v) && link ? linkValue(link) : v;
  });
}
