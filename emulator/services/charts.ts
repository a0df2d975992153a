/** Embedded charts: Sheet.newChart() builders, insertChart, getCharts, removeChart. */
import { ServiceObject } from '../realm';
import { AppsScriptError } from '../errors';
import type { GridRange, GridSheet } from './sheet-types';

export interface ChartPosition {
  row: number;
  column: number;
  offsetX: number;
  offsetY: number;
}

export class ChartOptionsModel extends ServiceObject {
  readonly kind = 'ChartOptions';
  readonly service = 'spreadsheet' as const;
  constructor(private readonly options: ReadonlyMap<string, unknown>) {
    super();
  }
  get(option: string) {
    return this.options.get(option) ?? null;
  }
}

export class EmbeddedChartModel extends ServiceObject {
  readonly kind = 'EmbeddedChart';
  readonly service = 'spreadsheet' as const;

  constructor(
    readonly chartId: number,
    readonly type: string,
    readonly ranges: readonly GridRange[],
    readonly position: ChartPosition,
    readonly options: ReadonlyMap<string, unknown>,
  ) {
    super();
  }

  getChartId() {
    return this.chartId;
  }
  getRanges() {
    return [...this.ranges];
  }
  getOptions() {
    return new ChartOptionsModel(this.options);
  }

  /** Host-side: the same chart over `ranges` (those of a copied sheet). */
  cloneOn(ranges: readonly GridRange[]): EmbeddedChartModel {
    return new EmbeddedChartModel(this.chartId, this.type, ranges, this.position, new Map(this.options));
  }
}

let nextChartId = 1;

/** Sheet.newChart()'s builder. */
export class EmbeddedChartBuilderModel extends ServiceObject {
  readonly kind: string = 'EmbeddedChartBuilder';
  readonly service = 'spreadsheet' as const;
  private type = '';
  private readonly ranges: GridRange[] = [];
  private position: ChartPosition | null = null;
  private readonly options = new Map<string, unknown>();

  constructor(private readonly sheet: GridSheet) {
    super();
  }

  setChartType(type: string) {
    this.type = String(type);
    return this;
  }
  /** A bar chart builder with what this one holds (Apps Script returns an EmbeddedBarChartBuilder). */
  asBarChart(): EmbeddedBarChartBuilderModel {
    const bar = new EmbeddedBarChartBuilderModel(this.sheet);
    bar.ranges.push(...this.ranges);
    bar.position = this.position;
    for (const [k, v] of this.options) bar.options.set(k, v);
    bar.setChartType('BAR');
    return bar;
  }
  addRange(range: GridRange) {
    if (range.sheet.parent !== this.sheet.parent) throw new AppsScriptError('The range must be in this spreadsheet.');
    this.ranges.push(range);
    return this;
  }
  setPosition(row: number, column: number, offsetX: number, offsetY: number) {
    this.position = { row, column, offsetX, offsetY };
    return this;
  }
  setOption(option: string, value: unknown) {
    this.options.set(String(option), value);
    return this;
  }

  build(): EmbeddedChartModel {
    if (!this.type) throw new AppsScriptError('The chart type must be set before building the chart.');
    if (!this.ranges.length) throw new AppsScriptError('At least one range is required to build a chart.');
    const position = this.position ?? { row: 1, column: 1, offsetX: 0, offsetY: 0 };
    return new EmbeddedChartModel(nextChartId++, this.type, [...this.ranges], position, new Map(this.options));
  }
}

/** What asBarChart() returns: the same builder, plus the bar chart's own setters. */
export class EmbeddedBarChartBuilderModel extends EmbeddedChartBuilderModel {
  override readonly kind = 'EmbeddedBarChartBuilder';

  setTitle(title: string) {
    return this.setOption('title', String(title));
  }
  setStacked() {
    return this.setOption('isStacked', true);
  }
}
