/**
 * E-mail addresses in cells (`Email` of a task, `Email nhắc việc`): one rule for what validateData
 * lists and what the daily check sends to. The local part may hold an apostrophe (o'brien@x.vn);
 * the domain has at least two labels, none of them empty (so no trailing dot: a@x.vn.).
 */
const LOCAL = `[^\\s@<>(),;:"[\\]\\\\]+`;
const LABEL = `[^\\s@<>(),;:"'[\\]\\\\.]+`;
const ADDRESS = new RegExp(`^${LOCAL}@${LABEL}(?:\\.${LABEL})+$`);

export function isEmailAddress(s: string): boolean {
  return ADDRESS.test(s);
}

/** The parts of a cell that lists addresses: `,`, `;` and white space separate them. */
export function addressParts(text: string): string[] {
  return text.split(/[,;\s]+/).filter(Boolean);
}

/** Parts of a cell that are not addresses. */
export function badAddresses(text: string): string[] {
  return addressParts(text).filter((a) => !isEmailAddress(a));
}

/** A cell's addresses, lower-cased, without repeats, and the parts that are not addresses. */
export function splitAddresses(text: string): { valid: string[]; invalid: string[] } {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const part of addressParts(text)) {
    const address = part.toLowerCase();
    if (!isEmailAddress(address)) invalid.push(part);
    else if (!valid.includes(address)) valid.push(address);
  }
  return { valid, invalid };
}
