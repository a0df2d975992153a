/** Counts service calls per method ("Range.getValues") and per service ("spreadsheet"). */
export type ServiceName =
  | 'spreadsheet' | 'ui' | 'document' | 'drive' | 'mail' | 'script' | 'lock' | 'properties' | 'session' | 'utilities' | 'html';

export class CallCounter {
  readonly byMethod = new Map<string, number>();
  readonly byService = new Map<ServiceName, number>();

  add(service: ServiceName, method: string): void {
    this.byMethod.set(method, (this.byMethod.get(method) ?? 0) + 1);
    this.byService.set(service, (this.byService.get(service) ?? 0) + 1);
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
