/** A Map that forgets its oldest entries beyond `max`: what a process remembers of the database, bounded. */
export class BoundedMap<Key, Value> extends Map<Key, Value> {
  constructor(private readonly max: number) {
    super();
  }

  override set(key: Key, value: Value): this {
    super.delete(key);
    super.set(key, value);
    if (this.size > this.max) this.delete(this.keys().next().value as Key);
    return this;
  }
}
