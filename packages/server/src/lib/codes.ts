import { getOrCreate } from "./get-or-create.js";

/**
 * Small numbers for a column's few distinct values (kinds, countries, languages), so that copies
 * of tables kept in memory hold them in typed arrays. 0 stands for null.
 */
export class Codes {
  readonly values: (string | null)[] = [null];
  private readonly codes = new Map<string, number>();

  code(value: string | null): number {
    return value === null ? 0 : getOrCreate(this.codes, value, () => this.values.push(value) - 1);
  }

  /** The code of a value, if any row has it. */
  find(value: string): number | undefined {
    return this.codes.get(value);
  }
}
