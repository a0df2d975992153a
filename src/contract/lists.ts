/** The fixed lists of the workbook (SPEC §1): what the validation lists of the input columns offer. */

/** The reform areas of Nghị quyết 76/NQ-CP as the plan numbers them (`Lĩnh vực`). */
export const AREA_LABELS = [
  '1. Công tác chỉ đạo, điều hành',
  '2. Cải cách thể chế',
  '3. Cải cách thủ tục hành chính',
  '4. Cải cách tổ chức bộ máy',
  '5. Cải cách chế độ công vụ',
  '6. Cải cách tài chính công',
  '7. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số',
] as const;

export type Comparator = '≥' | '>' | '≤' | '<' | '=';

/** The comparators of `So sánh` as the validation list offers them. */
export const COMPARATOR_SYMBOLS: readonly Comparator[] = ['≥', '>', '≤', '<', '='];

/** What `Đơn vị tính` suggests (other units are allowed). */
export const UNITS = ['%', 'bậc'] as const;

/** The four periods of a plan year that a new workbook holds and the hub follows (SPEC §8, §10). */
export const PERIOD_CODES = ['Q1', 'H1', 'Q3', 'NAM'] as const;
export type PeriodCode = (typeof PERIOD_CODES)[number];

const PERIOD_NAMES: Record<PeriodCode, (year: number) => string> = {
  Q1: (y) => `Quý I năm ${y}`,
  H1: (y) => `6 tháng đầu năm ${y}`,
  Q3: (y) => `Quý III năm ${y}`,
  NAM: (y) => `Năm ${y}`,
};

/** `Tên kỳ` of a period of plan year `year`: `Quý I năm 2023`, `6 tháng đầu năm 2023`, … */
export function periodNameOf(code: PeriodCode, year: number): string {
  return PERIOD_NAMES[code](year);
}

/** A blank deadline may say so in words (SPEC §2). */
export const CONTINUOUS = 'Thường xuyên';
