/** The `Cấu hình` sheet (SPEC §1): a label in column A, its value in column B, a hint in column C. */

export const CONFIG_HEADERS = ['Thông số', 'Giá trị', 'Hướng dẫn'] as const;

export const CONFIG_LABELS = {
  superior: 'Cơ quan chủ quản',
  issuer: 'Cơ quan ban hành',
  abbreviation: 'Ký hiệu cơ quan',
  place: 'Địa danh',
  year: 'Năm kế hoạch',
  signAuthority: 'Thẩm quyền ký',
  signerTitle: 'Chức vụ người ký',
  signer: 'Người ký',
  recipients: 'Nơi nhận',
  warningDays: 'Số ngày cảnh báo',
  reminderEmails: 'Email nhắc việc',
  reportFolder: 'Thư mục báo cáo',
  reportTemplate: 'Mẫu báo cáo',
  planBasis: 'Căn cứ kế hoạch',
} as const;

export type ConfigKey = keyof typeof CONFIG_LABELS;

export const DEFAULT_WARNING_DAYS = 7;

/** The `Hướng dẫn` cell beside each setting: what SPEC §1 says it means. */
export const CONFIG_HINTS: Record<ConfigKey, string> = {
  superior: 'Cơ quan cấp trên, dòng trên cùng của phần tiêu đề báo cáo (có thể để trống).',
  issuer: 'Cơ quan ban hành báo cáo.',
  abbreviation: 'Chữ viết tắt dùng trong «Số: …/BC-…».',
  place: 'Địa danh ở dòng ngày tháng của báo cáo.',
  year: 'Năm của kế hoạch; nhiệm vụ thường xuyên có hạn là ngày 31/12 của năm này.',
  signAuthority: 'Dòng thẩm quyền ký, ví dụ TM. ỦY BAN NHÂN DÂN.',
  signerTitle: 'Chức vụ người ký.',
  signer: 'Họ và tên người ký.',
  recipients: 'Nơi nhận báo cáo, mỗi nơi một dòng.',
  warningDays: 'Số ngày trước hạn mà nhiệm vụ chuyển sang «Sắp đến hạn» (mặc định 7).',
  reminderEmails: 'Các địa chỉ email nhận nhắc hạn báo cáo, cách nhau bằng dấu phẩy.',
  reportFolder: 'Đường dẫn hoặc mã thư mục Google Drive lưu báo cáo (để trống: thư mục chứa bảng tính).',
  reportTemplate:
    'Đường dẫn một Google Tài liệu mẫu mà mỗi báo cáo được tạo từ bản sao của nó: đầu trang có số trang (Chèn › Số trang, bỏ trang đầu). Để trống: báo cáo không có số trang.',
  planBasis: 'Kế hoạch mà báo cáo trả lời, cho câu mở đầu, ví dụ: Kế hoạch số …/KH-UBND ngày …/…/2023 của UBND xã.',
};
