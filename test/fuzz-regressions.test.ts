/** Bugs the fuzz found, each as the smallest case that showed it. */
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../src/contract/sheets';
import { round2 } from '../src/core/numbers';
import { emulatorWith } from './helpers';

describe('fuzz regressions', () => {
  it('rounds results too large to scale by 100 to themselves, never to Infinity', () => {
    expect(round2(1e308)).toBe(1e308);
    expect(round2(-1.7976931348623157e308)).toBe(-1.7976931348623157e308);
    expect(round2(2 ** 53 + 2)).toBe(2 ** 53 + 2);
    expect(round2(1234.565)).toBe(1234.57);
  });

  it('writes a huge `Thực hiện` as its result instead of failing the whole refresh', () => {
    const emu = emulatorWith({
      indicators: [{ 'Chỉ tiêu': 'Số hồ sơ', 'So sánh': '≥', 'Mục tiêu': 0, 'Đơn vị tính': 'hồ sơ', 'Thực hiện': 1e308 }],
    });
    emu.run('refreshStatuses');
    expect(emu.dialogs.at(-1)).toMatch(/^Đã cập nhật trạng thái\./);
    const values = emu.spreadsheet.getSheetByName(INDICATORS.name)!.getDataRange().getValues();
    const col = (h: string) => values[0]!.indexOf(h);
    expect([values[1]![col('Kết quả')], values[1]![col('Trạng thái')]]).toEqual([1e308, 'Đạt']);
  });
});
