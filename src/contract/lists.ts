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

/** A blank deadline may say so in words (SPEC §2). */
export const CONTINUOUS = 'Thường xuyên';
