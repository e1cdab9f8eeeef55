// Units form a tree through parentId.

export interface TreeItem {
  id: string;
  parentId: string | null;
  name: string;
}

export interface TreeNode<T extends TreeItem> {
  item: T;
  children: TreeNode<T>[];
}

export interface FlatNode<T extends TreeItem> {
  item: T;
  depth: number;
  hasChildren: boolean;
}

const byName = <T extends TreeItem>(a: TreeNode<T>, b: TreeNode<T>) =>
  a.item.name.localeCompare(b.item.name, 'id', { sensitivity: 'base' });

/**
 * Builds a forest sorted by name. An item whose parent is missing becomes a
 * root; items caught in a parent cycle are also shown as roots, so nothing is
 * ever hidden.
 */
export function buildTree<T extends TreeItem>(items: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>();
  for (const it of items) nodes.set(it.id, { item: it, children: [] });
  const roots: TreeNode<T>[] = [];
  const inCycle = (start: T): boolean => {
    const seen = new Set<string>([start.id]);
    let p = start.parentId;
    while (p) {
      if (seen.has(p)) return true;
      seen.add(p);
      const parent = nodes.get(p);
      if (!parent) return false;
      p = parent.item.parentId;
    }
    return false;
  };
  for (const node of nodes.values()) {
    const pid = node.item.parentId;
    const parent = pid ? nodes.get(pid) : undefined;
    if (!parent || pid === node.item.id || inCycle(node.item)) roots.push(node);
    else parent.children.push(node);
  }
  const sortRec = (list: TreeNode<T>[]) => {
    list.sort(byName);
    for (const n of list) sortRec(n.children);
  };
  sortRec(roots);
  return roots;
}

/** Depth-first list for indented rendering and <select> options. */
export function flattenTree<T extends TreeItem>(roots: readonly TreeNode<T>[]): FlatNode<T>[] {
  const out: FlatNode<T>[] = [];
  const walk = (list: readonly TreeNode<T>[], depth: number) => {
    for (const n of list) {
      out.push({ item: n.item, depth, hasChildren: n.children.length > 0 });
      walk(n.children, depth + 1);
    }
  };
  walk(roots, 0);
  return out;
}

/** ids of item and all its descendants (a unit cannot move under these). */
export function descendantIds<T extends TreeItem>(items: readonly T[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const it of items) {
      if (it.parentId && out.has(it.parentId) && !out.has(it.id)) {
        out.add(it.id);
        grew = true;
      }
    }
  }
  return out;
}
