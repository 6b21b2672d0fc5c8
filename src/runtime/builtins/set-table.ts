// The open-addressing hash table of CPython's set (Objects/setobject.c), slot for slot, so that iterating a set,
// printing it and `set.pop()` visit items in CPython's order: `{10, 3, 8, 1}` prints `{8, 1, 10, 3}`.

import { hashKey } from './equality.js';
import { tableHash, type TableHash } from './hashing.js';

const MIN_SIZE = 8; // PySet_MINSIZE
const LINEAR_PROBES = 9;
const EMPTY = Symbol('empty');
const DUMMY = Symbol('dummy'); // a deleted slot, which lookups probe past

/** The slots of one set: item, equality key (hashKey) and Python hash of each. */
export class SetTable {
  mask = MIN_SIZE - 1;
  /** Slots holding an item or a deleted marker (CPython's `fill`). */
  fill = 0;
  /** Slots holding an item (CPython's `used`, the set's length). */
  used = 0;
  /** Where `pop` starts looking (CPython's `finger`). */
  finger = 0;
  items: unknown[] = new Array(MIN_SIZE).fill(EMPTY);
  keys: unknown[] = new Array(MIN_SIZE);
  hashes: TableHash[] = new Array(MIN_SIZE);

  /** Index of the slot holding an item equal to `item`, or -1. */
  find(item: unknown, key: unknown = hashKey(item), hash: TableHash = tableHash(item)): number {
    let found = -1;
    this.probe(hash, (slot) => {
      const current = this.items[slot];
      if (current === EMPTY) return true;
      if (current !== DUMMY && this.hashes[slot] === hash && (current === item || this.keys[slot] === key)) {
        found = slot;
        return true;
      }
      return false;
    });
    return found;
  }

  /** Add `item` unless an equal one is present (setobject.c set_add_entry); true when added. */
  add(item: unknown, key: unknown = hashKey(item), hash: TableHash = tableHash(item)): boolean {
    let freeSlot = -1;
    let target = -1;
    let present = false;
    this.probe(hash, (slot) => {
      const current = this.items[slot];
      if (current === EMPTY) {
        target = slot;
        return true;
      }
      if (current === DUMMY) {
        if (freeSlot < 0) freeSlot = slot;
      } else if (this.hashes[slot] === hash && (current === item || this.keys[slot] === key)) {
        present = true;
        return true;
      }
      return false;
    });
    if (present) return false;
    if (freeSlot >= 0) {
      this.store(freeSlot, item, key, hash);
      this.used++;
      return true;
    }
    this.store(target, item, key, hash);
    this.fill++;
    this.used++;
    if (this.fill * 5 >= this.mask * 3) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
    return true;
  }

  /** Remove the item equal to `item` (set_discard_entry); true when one was there. */
  discard(item: unknown, key: unknown = hashKey(item), hash: TableHash = tableHash(item)): boolean {
    const slot = this.find(item, key, hash);
    if (slot < 0) return false;
    this.items[slot] = DUMMY;
    this.keys[slot] = undefined;
    this.used--;
    return true;
  }

  /** Remove and return an item, scanning from `finger` (set_pop). The caller checks that the set is not empty. */
  pop(): unknown {
    let slot = this.finger & this.mask;
    while (this.items[slot] === EMPTY || this.items[slot] === DUMMY) slot = slot === this.mask ? 0 : slot + 1;
    const item = this.items[slot];
    this.items[slot] = DUMMY;
    this.keys[slot] = undefined;
    this.used--;
    this.finger = slot + 1;
    return item;
  }

  /** Empty the table back to its initial size (set_clear_internal). */
  clear(): void {
    this.mask = MIN_SIZE - 1;
    this.fill = this.used = this.finger = 0;
    this.items = new Array(MIN_SIZE).fill(EMPTY);
    this.keys = new Array(MIN_SIZE);
    this.hashes = new Array(MIN_SIZE);
  }

  /** Slots holding an item, in table order: the order CPython iterates a set. */
  *slots(): Generator<number> {
    for (let slot = 0; slot <= this.mask; slot++) {
      const current = this.items[slot];
      if (current !== EMPTY && current !== DUMMY) yield slot;
    }
  }

  /**
   * Add every item of `other` (setobject.c set_merge): one resize up front, then a slot-for-slot copy into an empty
   * table of the same size, clean inserts into an empty table, or ordinary adds.
   */
  merge(other: SetTable): void {
    if (other === this || other.used === 0) return;
    if ((this.fill + other.used) * 5 >= this.mask * 3) this.resize((this.used + other.used) * 2);
    if (this.fill === 0 && this.mask === other.mask && other.fill === other.used) {
      this.items = other.items.slice();
      this.keys = other.keys.slice();
      this.hashes = other.hashes.slice();
      this.fill = other.fill;
      this.used = other.used;
      return;
    }
    if (this.fill === 0) {
      this.fill = this.used = other.used;
      for (const slot of other.slots()) this.insertClean(other.items[slot], other.keys[slot], other.hashes[slot]!);
      return;
    }
    for (const slot of other.slots()) this.add(other.items[slot], other.keys[slot], other.hashes[slot]!);
  }

  /** Drop deleted slots when more than a quarter of the table holds them (end of set_difference_update). */
  compactIfSparse(): void {
    if (this.fill - this.used > this.mask / 4) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
  }

  // setobject.c set_table_resize: the smallest power of two above minUsed, items reinserted in slot order.
  private resize(minUsed: number): void {
    let size = MIN_SIZE;
    while (size <= minUsed) size *= 2;
    const { items, keys, hashes } = this;
    this.mask = size - 1;
    this.items = new Array(size).fill(EMPTY);
    this.keys = new Array(size);
    this.hashes = new Array(size);
    this.fill = this.used;
    for (let slot = 0; slot < items.length; slot++) {
      const current = items[slot];
      if (current !== EMPTY && current !== DUMMY) this.insertClean(current, keys[slot], hashes[slot]!);
    }
  }

  // setobject.c set_insert_clean: the first empty slot of the probe sequence, in a table without dummies.
  private insertClean(item: unknown, key: unknown, hash: TableHash): void {
    this.probe(hash, (slot) => {
      if (this.items[slot] !== EMPTY) return false;
      this.store(slot, item, key, hash);
      return true;
    });
  }

  private store(slot: number, item: unknown, key: unknown, hash: TableHash): void {
    this.items[slot] = item;
    this.keys[slot] = key;
    this.hashes[slot] = hash;
  }

  // CPython's probe sequence: up to LINEAR_PROBES neighbours of slot i, then i = i*5 + 1 + perturb, with the
  // hash shifted into perturb 5 bits at a time. `visit` returns true to stop.
  private probe(hash: TableHash, visit: (slot: number) => boolean): void {
    const mask = this.mask;
    let i = typeof hash === 'number' ? hash & mask : Number(hash & BigInt(mask));
    let perturb: TableHash = hash;
    for (;;) {
      const probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      for (let j = 0; j <= probes; j++) if (visit(i + j)) return;
      if (typeof perturb === 'number') {
        perturb = Math.floor(perturb / 32);
        i = (i * 5 + 1 + perturb) & mask;
      } else {
        perturb >>= 5n;
        i = (i * 5 + 1 + Number(perturb & BigInt(mask))) & mask;
      }
    }
  }
}
