/**
 * Counts service calls per method ("Range.getValues") and per service ("spreadsheet"), the cells
 * that Range and Sheet calls carried, and the time spent inside the service models.
 */
export type ServiceName =
  | 'spreadsheet'
  | 'ui'
  | 'document'
  | 'drive'
  | 'mail'
  | 'script'
  | 'lock'
  | 'properties'
  | 'session'
  | 'utilities'
  | 'html'
  | 'urlfetch';

/** Range methods that read every cell of the range (getValue & co. read one). */
const RANGE_READS = /^get(Values|DisplayValues|Formulas|NumberFormats|Backgrounds|Notes|FontWeights|DataValidations)$/;
const CELL_READS = /^get(Value|DisplayValue|Formula|NumberFormat|Background|Note|FontWeight|DataValidation)$/;
/** Range methods that write every cell of the range (set…, clear…); metadata getters carry none. */
const RANGE_WRITES = /^(set|clear)/;

export type Traffic = [read: number, written: number];

/** The cells one Range call carries, `size` being the number of cells of its range. */
export function rangeTraffic(method: string, size: number): Traffic {
  if (RANGE_READS.test(method)) return [size, 0];
  if (CELL_READS.test(method)) return [1, 0];
  return RANGE_WRITES.test(method) ? [0, size] : [0, 0];
}

export class CallCounter {
  readonly byMethod = new Map<string, number>();
  readonly byService = new Map<ServiceName, number>();
  cellsRead = 0;
  cellsWritten = 0;
  /** Milliseconds spent in the emulator's service models: host work, not the script's. */
  serviceMs = 0;
  /** Milliseconds the execution waited, as modelled (Utilities.sleep, UrlFetch latency): Apps Script time. */
  waitMs = 0;

  add(service: ServiceName, method: string): void {
    this.byMethod.set(method, (this.byMethod.get(method) ?? 0) + 1);
    this.byService.set(service, (this.byService.get(service) ?? 0) + 1);
  }

  addCells([read, written]: Traffic): void {
    this.cellsRead += read;
    this.cellsWritten += written;
  }

  count(service: ServiceName): number {
    return this.byService.get(service) ?? 0;
  }

  method(name: string): number {
    return this.byMethod.get(name) ?? 0;
  }

  total(): number {
    let n = 0;
    for (const v of this.byService.values()) n += v;
    return n;
  }

  /** Sorted "Range.getValues: 3" lines, for debugging and benchmark output. */
  describe(): string[] {
    return [...this.byMethod].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, v]) => `${k}: ${v}`);
  }
}
