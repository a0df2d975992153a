/**
 * The spreadsheet settings the product expects (docs/SPEC.md §8, §9): typed dates read day first
 * only in a vi_VN spreadsheet, and "today" is the commune's day only in its time zone.
 */
export const WORKBOOK_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const WORKBOOK_LOCALE = 'vi_VN';
