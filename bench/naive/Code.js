/**
 * The naive baseline of `npm run bench`: the task-status refresh written as a typical hand-made
 * Apps Script does it, one cell at a time (getValue per input, setValue and setBackground per
 * row). Not part of the product; it understands what the generated benchmark workbook holds
 * (Date cells, "Thường xuyên", numbers), and the bench checks that it computes the same statuses.
 */
var COLORS = {
  'Quá hạn': '#f4cccc',
  'Sắp đến hạn': '#fff2cc',
  'Hoàn thành trễ hạn': '#fce5cd',
  'Hoàn thành': '#d9ead3',
  'Lỗi dữ liệu': '#ea9999',
  'Đang thực hiện': '#ffffff',
  'Chưa thực hiện': '#ffffff',
};
var DAY_MS = 24 * 60 * 60 * 1000;

function refreshNaive() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();

  var settings = ss.getSheetByName('Cấu hình');
  var warnDays = 7;
  var year = new Date().getFullYear();
  for (var r = 2; r <= settings.getLastRow(); r++) {
    var label = settings.getRange(r, 1).getValue();
    if (label === 'Số ngày cảnh báo') warnDays = Number(settings.getRange(r, 2).getValue());
    if (label === 'Năm kế hoạch') year = Number(settings.getRange(r, 2).getValue());
  }

  var sheet = ss.getSheetByName('Nhiệm vụ');
  var col = {};
  for (var c = 1; c <= sheet.getLastColumn(); c++) col[sheet.getRange(1, c).getValue()] = c;

  var now = new Date();
  var today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  var lastRow = sheet.getLastRow();
  for (var i = 2; i <= lastRow; i++) {
    if (sheet.getRange(i, col['Nhiệm vụ']).getValue() === '') continue;
    var deadline = sheet.getRange(i, col['Hạn hoàn thành']).getValue();
    var progress = sheet.getRange(i, col['Tiến độ (%)']).getValue();
    var done = sheet.getRange(i, col['Ngày hoàn thành']).getValue();
    var status = taskStatus(deadline, progress, done, today, warnDays, year);
    var cell = sheet.getRange(i, col['Trạng thái']);
    cell.setValue(status);
    cell.setBackground(COLORS[status]);
  }
}

function taskStatus(deadline, progress, done, today, warnDays, year) {
  var due = null;
  if (deadline instanceof Date) due = deadline;
  else if (deadline !== '' && String(deadline).toLowerCase() !== 'thường xuyên') return 'Lỗi dữ liệu';
  if (progress === '') progress = 0;
  if (typeof progress !== 'number' || progress < 0 || progress > 100) return 'Lỗi dữ liệu';
  if (done !== '' && !(done instanceof Date)) return 'Lỗi dữ liệu';
  if (done instanceof Date && done > today) return 'Lỗi dữ liệu';
  if (done instanceof Date && due && done > due) return 'Hoàn thành trễ hạn';
  if (done instanceof Date || progress === 100) return 'Hoàn thành';
  var daysLeft = Math.round(((due || new Date(year, 11, 31)) - today) / DAY_MS);
  if (daysLeft < 0) return 'Quá hạn';
  if (daysLeft <= warnDays) return 'Sắp đến hạn';
  return progress > 0 ? 'Đang thực hiện' : 'Chưa thực hiện';
}
