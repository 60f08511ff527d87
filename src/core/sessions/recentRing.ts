/** The last `capacity` items, kept in a fixed array: `push` is O(1) and allocates nothing. */
export class RecentRing<T> {
  private readonly items: (T | undefined)[];
  private next = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.items = new Array<T | undefined>(Math.max(0, capacity)).fill(undefined);
  }

  push(item: T): void {
    if (this.capacity === 0) {
      return;
    }
    this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
    if (this.count < this.capacity) {
      this.count++;
    }
  }

  /** Puts `next` where `previous` is (by identity), if it is still held. O(capacity), for rare corrections. */
  replace(previous: T, next: T): void {
    const index = this.items.indexOf(previous);
    if (index >= 0) {
      this.items[index] = next;
    }
  }

  /** Oldest first. */
  toArray(): T[] {
    const out: T[] = [];
    const start = (this.next - this.count + this.capacity) % Math.max(1, this.capacity);
    for (let i = 0; i < this.count; i++) {
      out.push(this.items[(start + i) % this.capacity] as T);
    }
    return out;
  }

  clear(): void {
    this.items.fill(undefined);
    this.next = 0;
    this.count = 0;
  }
}
