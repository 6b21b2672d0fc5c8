// A registry of live objects in creation order (the loop's tasks, coroutine objects never started), with O(1) add
// and remove through links kept on the objects themselves.
//
// Why links rather than a list compacted now and then: a finished task or started coroutine must become garbage at
// once. Kept in a list until its next compaction, each one survived a few scavenges and was promoted to the old
// generation, which made full garbage collections a large part of programs that create many short tasks.

/** An object a LinkedRegistry can hold: its links, null while not registered. */
export interface Linkable<T> {
  _prevLink: T | null;
  _nextLink: T | null;
}

/** Live objects in the order they were added. */
export class LinkedRegistry<T extends Linkable<T>> {
  private head: T | null = null;
  private tail: T | null = null;

  add(item: T): void {
    item._prevLink = this.tail;
    item._nextLink = null;
    if (this.tail === null) this.head = item;
    else this.tail._nextLink = item;
    this.tail = item;
  }

  /** Remove `item` if it is registered here. */
  remove(item: T): void {
    const prev = item._prevLink;
    const next = item._nextLink;
    if (prev === null && this.head !== item) return;
    if (prev === null) this.head = next;
    else prev._nextLink = next;
    if (next === null) this.tail = prev;
    else next._prevLink = prev;
    item._prevLink = null;
    item._nextLink = null;
  }

  /** The registered objects, in the order they were added. */
  items(): T[] {
    const items: T[] = [];
    for (let item = this.head; item !== null; item = item._nextLink) items.push(item);
    return items;
  }

  /** Remove every object and return them, in the order they were added. */
  drain(): T[] {
    const items = this.items();
    for (const item of items) {
      item._prevLink = null;
      item._nextLink = null;
    }
    this.head = this.tail = null;
    return items;
  }
}
