/** A workbook with every status a report shows, for the report tests (today: 20/08/2023). */
import type { Row, WorkbookData } from './support/fixtures';

export const FULL_CONFIG: [string, unknown][] = [
  ['Cơ quan chủ quản', 'UBND HUYỆN VĂN QUAN'],
  ['Cơ quan ban hành', 'ỦY BAN NHÂN DÂN XÃ TÚ XUYÊN'],
  ['Ký hiệu cơ quan', 'UBND'],
  ['Địa danh', 'Tú Xuyên'],
  ['Thẩm quyền ký', 'TM. ỦY BAN NHÂN DÂN'],
  ['Chức vụ người ký', 'CHỦ TỊCH'],
  ['Người ký', 'Hoàng Thị Hoàn'],
  ['Nơi nhận', '- Phòng Nội vụ;\n- CT, PCT UBND xã;'],
];

const task = (code: string, area: string, name: string, deadline: string, more: Row = {}): Row => ({
  Mã: code,
  'Lĩnh vực': area,
  'Nhiệm vụ': name,
  'Đơn vị chủ trì': 'Văn phòng',
  'Hạn hoàn thành': deadline,
  ...more,
});

/** Rows listed out of area order, one area without its number, one outside the seven areas. */
export const TASKS: Row[] = [
  task('NV1', '1. Công tác chỉ đạo, điều hành', 'Ban hành kế hoạch CCHC năm 2023', '15/01/2023', {
    'Ngày hoàn thành': '10/01/2023',
  }),
  task('NV2', '7. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số', 'Số hóa hồ sơ thủ tục hành chính', '30/06/2023', {
    'Tiến độ (%)': 60,
  }),
  task('NV3', 'Cải cách thể chế', 'Rà soát văn bản quy phạm pháp luật', '01/08/2023'),
  task('NV4', '3. Cải cách thủ tục hành chính', 'Công khai thủ tục hành chính', '25/08/2023', { 'Tiến độ (%)': '50%' }),
  task('NV5', '5. Cải cách chế độ công vụ', 'Đánh giá, xếp loại công chức', '30/10/2023'),
  task('NV6', '5. Cải cách chế độ công vụ', 'Tập huấn nghiệp vụ cuối năm', '15/12/2023'),
  task('NV7', '1. Công tác chỉ đạo, điều hành', 'Tuyên truyền về cải cách hành chính', 'Thường xuyên', { 'Tiến độ (%)': 30 }),
  task('NV8', 'Phong trào thi đua', 'nhiệm vụ ngoài bảy lĩnh vực', '01/09/2023'),
  task('NV9', '3. Cải cách thủ tục hành chính', 'Rà soát quy trình nội bộ', '01/07/2023', { 'Ngày hoàn thành': '05/07/2023' }),
  task('NV10', '2. Cải cách thể chế', 'Dòng có ngày sai', '31/02/2023'),
];

export const INDICATORS: Row[] = [
  {
    Mã: 'CT1',
    'Lĩnh vực': '7. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số',
    'Chỉ tiêu': 'Tỷ lệ hồ sơ trực tuyến toàn trình',
    'So sánh': '≥',
    'Mục tiêu': 50,
    'Đơn vị tính': '%',
    'Tử số': 30,
    'Mẫu số': 100,
  },
  {
    Mã: 'CT2',
    'Lĩnh vực': '3. Cải cách thủ tục hành chính',
    'Chỉ tiêu': 'Hồ sơ giải quyết đúng hạn',
    'So sánh': '>',
    'Mục tiêu': 99,
    'Đơn vị tính': '%',
    'Thực hiện': 99.5,
  },
  {
    Mã: 'CT3',
    'Lĩnh vực': '1. Công tác chỉ đạo, điều hành',
    'Chỉ tiêu': 'Chỉ số PAR INDEX tăng',
    'So sánh': '≥',
    'Mục tiêu': 4,
    'Đơn vị tính': 'bậc',
  },
  {
    Mã: 'CT4',
    'Lĩnh vực': '2. Cải cách thể chế',
    'Chỉ tiêu': 'Văn bản QPPL ban hành đúng trình tự',
    'So sánh': '≥',
    'Mục tiêu': 100,
    'Đơn vị tính': '%',
    'Tử số': 9,
    'Mẫu số': 10,
  },
  {
    Mã: 'CT5',
    'Lĩnh vực': '5. Cải cách chế độ công vụ',
    'Chỉ tiêu': 'Vi phạm được xử lý',
    'So sánh': '≥',
    'Mục tiêu': 100,
    'Đơn vị tính': '%',
    'Tử số': 0,
    'Mẫu số': 0,
  },
];

export const PERIODS: Row[] = [
  { 'Mã kỳ': 'Q1', 'Tên kỳ': 'Quý I năm 2023', 'Hạn gửi': '25/02/2023' },
  { 'Mã kỳ': 'H1', 'Tên kỳ': '6 tháng đầu năm 2023', 'Hạn gửi': '25/05/2023' },
  { 'Mã kỳ': 'Q3', 'Tên kỳ': 'Quý III năm 2023', 'Hạn gửi': '25/08/2023', 'Từ ngày': '15/05/2023', 'Đến ngày': '15/08/2023' },
  { 'Mã kỳ': 'NAM', 'Tên kỳ': 'năm 2023', 'Hạn gửi': '20/11/2023' },
];

export const OVERDUE_TASKS = ['Số hóa hồ sơ thủ tục hành chính', 'Rà soát văn bản quy phạm pháp luật'];
export const MISSED_INDICATORS = ['Tỷ lệ hồ sơ trực tuyến toàn trình', 'Văn bản QPPL ban hành đúng trình tự'];

export function reportWorkbook(config: [string, unknown][] = FULL_CONFIG): WorkbookData {
  return { config, tasks: TASKS, indicators: INDICATORS, periods: PERIODS };
}
