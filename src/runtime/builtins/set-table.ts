// The open-addressing hash table of CPython's set (Objects/setobject.c), slot for slot, so that iterating a set,
// printing it and `set.pop()` visit items in CPython's order: `{10, 3, 8, 1}` prints `{8, 1, 10, 3}`.

import { hashKey } from './equality.js';
import { tableHashOfKey, type TableHash } from './hashing.js';

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
  find(item: unknown, key: unknown = hashKey(item), hash: TableHash = tableHashOfKey(item, key)): number {
    const slot = this.lookup(item, key, hash);
    return slot >= 0 ? slot : -1;
  }

  /** Add `item` unless an equal one is present (setobject.c set_add_entry); true when added. */
  add(item: unknown, key: unknown = hashKey(item), hash: TableHash = tableHashOfKey(item, key)): boolean {
    const found = this.lookup(item, key, hash);
    if (found >= 0) return false;
    const slot = -found - 1;
    const reused = this.items[slot] === DUMMY;
    this.store(slot, item, key, hash);
    this.used++;
    if (reused) return true;
    this.fill++;
    if (this.fill * 5 >= this.mask * 3) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
    return true;
  }

  // The slot holding an item equal to `item` (>= 0), or -(slot + 1) for the slot an insertion takes: the empty
  // slot ending the probe, or the last deleted slot met before it, which CPython 3.11 reuses (seen: in
  // {32, 0, 2, …} with 32 and 2 discarded, a new 64 lands after 0). The probe sequence is CPython's: up to
  // LINEAR_PROBES neighbours of slot i, then i = i*5 + 1 + perturb, the hash shifted into perturb 5 bits at a time.
  private lookup(item: unknown, key: unknown, hash: TableHash): number {
    const { items, keys, hashes, mask } = this;
    let i = typeof hash === 'number' ? hash & mask : Number(hash & BigInt(mask));
    let perturb: TableHash = hash;
    let freeSlot = -1;
    for (;;) {
      const last = i + LINEAR_PROBES <= mask ? i + LINEAR_PROBES : i;
      for (let slot = i; slot <= last; slot++) {
        const current = items[slot];
        if (current === EMPTY) return -(freeSlot >= 0 ? freeSlot : slot) - 1;
        if (current === DUMMY) freeSlot = slot;
        else if (hashes[slot] === hash && (current === item || keys[slot] === key)) return slot;
      }
      if (typeof perturb === 'number') {
        perturb = Math.floor(perturb / 32);
        i = (i * 5 + 1 + perturb) & mask;
      } else {
        perturb >>= 5n;
        i = (i * 5 + 1 + Number(perturb & BigInt(mask))) & mask;
      }
    }
  }

  /** Remove the item equal to `item` (set_discard_entry); true when one was there. */
  discard(item: unknown, key: unknown = hashKey(item), hash: TableHash = tableHashOfKey(item, key)): boolean {
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

  /** True when `slot` holds an item (neither empty nor deleted). */
  isItemAt(slot: number): boolean {
    const current = this.items[slot];
    return current !== EMPTY && current !== DUMMY;
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
    const mask = this.mask;
    let i = typeof hash === 'number' ? hash & mask : Number(hash & BigInt(mask));
    let perturb: TableHash = hash;
    for (;;) {
      const last = i + LINEAR_PROBES <= mask ? i + LINEAR_PROBES : i;
      for (let slot = i; slot <= last; slot++) {
        if (this.items[slot] === EMPTY) {
          this.store(slot, item, key, hash);
          return;
        }
      }
      if (typeof perturb === 'number') {
        perturb = Math.floor(perturb / 32);
        i = (i * 5 + 1 + perturb) & mask;
      } else {
        perturb >>= 5n;
        i = (i * 5 + 1 + Number(perturb & BigInt(mask))) & mask;
      }
    }
  }

  private store(slot: number, item: unknown, key: unknown, hash: TableHash): void {
    this.items[slot] = item;
    this.keys[slot] = key;
    this.hashes[slot] = hash;
  }
}
