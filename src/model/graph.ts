// Dependency graphs over list positions: cycles to report, and an order that respects every edge.

/**
 * One cycle per strongly connected group that loops (Tarjan's algorithm, iterative so that long
 * chains cannot overflow the stack). `after[i]` lists the nodes that must come before i.
 * Each cycle is returned as a path that starts and ends at its lowest node.
 */
export function findCycles(after: readonly (readonly number[])[]): number[][] {
  const n = after.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const cycles: number[][] = [];
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    const work: { node: number; edge: number }[] = [{ node: root, edge: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length) {
      const frame = work[work.length - 1];
      const edges = after[frame.node];
      if (frame.edge < edges.length) {
        const next = edges[frame.edge++];
        if (index[next] < 0) {
          index[next] = low[next] = counter++;
          stack.push(next);
          onStack[next] = 1;
          work.push({ node: next, edge: 0 });
        } else if (onStack[next]) {
          low[frame.node] = Math.min(low[frame.node], index[next]);
        }
        continue;
      }
      work.pop();
      if (work.length) low[work[work.length - 1].node] = Math.min(low[work[work.length - 1].node], low[frame.node]);
      if (low[frame.node] !== index[frame.node]) continue;
      const group: number[] = [];
      let member: number;
      do {
        member = stack.pop() as number;
        onStack[member] = 0;
        group.push(member);
      } while (member !== frame.node);
      if (group.length > 1 || after[frame.node].includes(frame.node)) cycles.push(cyclePath(after, new Set(group)));
    }
  }
  return cycles.sort((a, b) => a[0] - b[0]);
}

/** A concrete loop through a strongly connected group, following edges in their written order. */
function cyclePath(after: readonly (readonly number[])[], group: Set<number>): number[] {
  let start = Number.POSITIVE_INFINITY;
  for (const node of group) start = Math.min(start, node);
  const seen = new Map<number, number>();
  const path: number[] = [];
  let node = start;
  while (!seen.has(node)) {
    seen.set(node, path.length);
    path.push(node);
    node = after[node].find((next) => group.has(next)) as number;
  }
  const loop = path.slice(seen.get(node));
  const first = loop.indexOf(loop.reduce((a, b) => Math.min(a, b)));
  const rotated = [...loop.slice(first), ...loop.slice(0, first)];
  return [...rotated, rotated[0]];
}

/** Kahn's order: every node after all of its `after` nodes; undefined if there is a cycle. */
export function topologicalOrder(after: readonly (readonly number[])[]): number[] | undefined {
  const n = after.length;
  const pending = new Int32Array(n);
  const next: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    for (const p of after[i]) {
      pending[i]++;
      next[p].push(i);
    }
  }
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (pending[i] === 0) order.push(i);
  for (let k = 0; k < order.length; k++) {
    for (const s of next[order[k]]) if (--pending[s] === 0) order.push(s);
  }
  return order.length === n ? order : undefined;
}
