import type { PrismaClient } from "../generated/prisma/index.js";
import type { Context } from "../schema/context.js";

/** Where a copy is read from (through node-postgres), and whose it is: one per database. */
export type CopySource = Pick<Context, "prisma" | "read">;

/**
 * Copies of some data kept in memory, one per database client, each loaded once per version of
 * that data (a row of data_version, raised by the commit of any write to it). A request reads the
 * version first and waits for a copy at least as new: no answer is older than the last commit.
 * Requests that need the same new copy share one load; a failed load is not kept.
 */
export class VersionedCopies<Copy> {
  private readonly held = new WeakMap<PrismaClient, { version: bigint; copy: Promise<Copy> }>();

  /** `load` reads the data and its version in one snapshot. */
  constructor(private readonly load: (read: Context["read"]) => Promise<{ version: bigint; copy: Copy }>) {}

  /** A copy at least as new as `version`; `run` runs a load (the caller's bulkhead for costly statements). */
  at({ prisma, read }: CopySource, version: bigint, run: <T>(load: () => Promise<T>) => Promise<T> = (load) => load()) {
    const current = this.held.get(prisma);
    // Versions only grow: a copy loaded at a later version than this request read will do.
    if (current && current.version >= version) return current.copy;
    const loading = run(() => this.load(read));
    const entry = { version, copy: loading.then((loaded) => loaded.copy) };
    this.held.set(prisma, entry);
    loading.then(
      (loaded) => {
        // A write committed since the version was read: the copy holds it, under its own version.
        entry.version = loaded.version;
      },
      () => {
        if (this.held.get(prisma) === entry) this.held.delete(prisma);
      },
    );
    return entry.copy;
  }
}
